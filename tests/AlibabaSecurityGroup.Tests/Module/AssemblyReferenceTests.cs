using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Module
{
    /// <summary>
    /// The module must load in Windows PowerShell 5.1 (.NET Framework 4.7.2) and PowerShell 7 (.NET 8+) next to
    /// any other module, so it may reference only what both runtimes provide, and ship no other DLL.
    /// </summary>
    public class AssemblyReferenceTests
    {
        [Fact]
        public void The_module_references_only_netstandard_and_PowerShell()
        {
            using var stream = File.OpenRead(ModuleAssembly.Assembly.Location);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var references = metadata.AssemblyReferences
                .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
                .OrderBy(n => n)
                .ToArray();
            Assert.Equal(new[] { "netstandard", "System.Management.Automation" }, references);
        }

        [Fact]
        public void The_module_targets_netstandard2_0()
        {
            var framework = ModuleAssembly.Assembly.GetCustomAttributesData()
                .Single(a => a.AttributeType.Name == "TargetFrameworkAttribute");
            Assert.Equal(".NETStandard,Version=v2.0", framework.ConstructorArguments[0].Value);
        }

        [Fact]
        public void The_staged_module_folder_ships_no_other_assembly()
        {
            var dlls = Directory.GetFiles(RepoPaths.ModuleOutput, "*.dll", SearchOption.AllDirectories)
                .Select(Path.GetFileName).ToArray();
            Assert.Equal(new[] { "AlibabaSecurityGroup.dll" }, dlls);
        }
    }
}
