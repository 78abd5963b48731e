using System.IO;
using System.Linq;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Module
{
    public class ManifestTests
    {
        private readonly ManifestReader _manifest = new ManifestReader(RepoPaths.Manifest);

        [Fact]
        public void CmdletsToExport_is_exactly_the_cmdlet_classes_in_the_assembly()
        {
            var exported = _manifest.List("CmdletsToExport");
            Assert.NotNull(exported);
            Assert.DoesNotContain(exported, name => name.Contains("*"));
            Assert.Equal(ModuleAssembly.Cmdlets.Keys.OrderBy(x => x), exported.OrderBy(x => x));
        }

        [Fact]
        public void Functions_variables_and_aliases_are_explicitly_empty()
        {
            Assert.Empty(_manifest.List("FunctionsToExport"));
            Assert.Empty(_manifest.List("VariablesToExport"));
            Assert.Empty(_manifest.List("AliasesToExport"));
        }

        [Fact]
        public void Manifest_declares_editions_versions_root_module_and_gallery_data()
        {
            Assert.Equal("AlibabaSecurityGroup.dll", _manifest.Scalar("RootModule"));
            Assert.Equal("5.1", _manifest.Scalar("PowerShellVersion"));
            Assert.Equal("4.7.2", _manifest.Scalar("DotNetFrameworkVersion"));
            Assert.Equal(new[] { "Desktop", "Core" }, _manifest.List("CompatiblePSEditions"));
            Assert.Matches(@"^\d+\.\d+\.\d+$", _manifest.Scalar("ModuleVersion"));
            Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", _manifest.Scalar("GUID"));
            Assert.False(string.IsNullOrWhiteSpace(_manifest.Scalar("Author")));
            Assert.False(string.IsNullOrWhiteSpace(_manifest.Scalar("Description")));
            Assert.StartsWith("https://", _manifest.Scalar("ProjectUri"));
            Assert.StartsWith("https://", _manifest.Scalar("LicenseUri"));
            Assert.False(string.IsNullOrWhiteSpace(_manifest.Scalar("ReleaseNotes")));
            var tags = _manifest.List("Tags");
            foreach (var tag in new[] { "AlibabaCloud", "Aliyun", "ECS", "ALB", "PrivateLink", "SecurityGroup",
                         "PSEdition_Core", "PSEdition_Desktop", "Windows", "Linux", "MacOS" })
                Assert.Contains(tag, tags);
        }

        [Fact]
        public void Module_version_matches_the_assembly_version()
        {
            var assemblyVersion = ModuleAssembly.Assembly.GetName().Version;
            Assert.Equal(_manifest.Scalar("ModuleVersion"), assemblyVersion.ToString(3));
        }

        [Fact]
        public void Every_file_the_manifest_names_is_staged_in_the_module_folder()
        {
            // The test project builds the module first, so out/ is current.
            Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleOutput, "AlibabaSecurityGroup.psd1")));
            Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleOutput, "AlibabaSecurityGroup.dll")));
            foreach (var format in _manifest.List("FormatsToProcess") ?? new string[0])
                Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleOutput, format)), format + " is not in out/");
        }
    }
}
