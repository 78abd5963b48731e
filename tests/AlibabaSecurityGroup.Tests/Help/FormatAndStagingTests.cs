using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;
using static AlibabaSecurityGroup.Tests.Help.HelpFiles;

namespace AlibabaSecurityGroup.Tests.Help
{
    /// <summary>The format file covers every output type, and the manifest, format and about topic are staged in out/.</summary>
    public class FormatAndStagingTests
    {
        public static IEnumerable<object[]> OutputTypes => ModelTypes().Select(t => new object[] { t.FullName });

        private static readonly Lazy<XDocument> Format = new Lazy<XDocument>(() => XDocument.Load(FormatSource));

        private static IEnumerable<XElement> TableViews(string typeName) =>
            Format.Value.Root.Element("ViewDefinitions").Elements("View")
                .Where(v => v.Element("ViewSelectedBy").Elements("TypeName").Any(t => t.Value.Trim() == typeName))
                .Where(v => v.Element("TableControl") != null);

        [Fact]
        public void The_model_namespace_has_output_types()
        {
            Assert.Contains("AlibabaSecurityGroup.Model.SecurityGroupRemovalResult", ModelTypes().Select(t => t.FullName));
        }

        [Theory]
        [MemberData(nameof(OutputTypes))]
        public void Every_output_type_has_one_table_view_whose_columns_are_real_properties(string typeName)
        {
            var views = TableViews(typeName).ToList();
            Assert.True(views.Count == 1, typeName + " needs exactly one table view in " + FormatFileName + " (found " + views.Count + ")");
            var table = views[0].Element("TableControl");
            var headers = table.Element("TableHeaders").Elements("TableColumnHeader").ToList();
            var columns = table.Element("TableRowEntries").Elements("TableRowEntry").Single().Element("TableColumnItems").Elements("TableColumnItem").ToList();
            Assert.Equal(headers.Count, columns.Count);
            Assert.All(headers, h => Assert.False(string.IsNullOrWhiteSpace((string)h.Element("Label"))));

            var type = ModelTypes().Single(t => t.FullName == typeName);
            foreach (var column in columns)
            {
                var property = (string)column.Element("PropertyName");
                var script = (string)column.Element("ScriptBlock");
                Assert.True(property != null ^ script != null, typeName + ": a column needs a PropertyName or a ScriptBlock");
                if (property != null) Assert.NotNull(type.GetProperty(property));
            }
            foreach (var width in headers.Select(h => (string)h.Element("Width")).Where(w => w != null))
                Assert.InRange(int.Parse(width), 4, 40);
        }

        [Fact]
        public void Removal_results_show_joined_groups_and_elapsed_seconds()
        {
            var columns = TableViews("AlibabaSecurityGroup.Model.SecurityGroupRemovalResult").Single()
                .Descendants("TableColumnHeader").Select(h => (string)h.Element("Label")).ToList();
            foreach (var label in new[] { "ResourceType", "ResourceId", "SecurityGroupId", "Region", "Status", "JobId", "RequestId" })
                Assert.Contains(label, columns);
            var scripts = TableViews("AlibabaSecurityGroup.Model.SecurityGroupRemovalResult").Single().Descendants("ScriptBlock").Select(s => s.Value).ToList();
            Assert.Contains(scripts, s => s.Contains("SecurityGroupId") && s.Contains("-join"));
            Assert.Contains(scripts, s => s.Contains("Elapsed.TotalSeconds"));
        }

        [Fact]
        public void View_names_are_unique()
        {
            var names = Format.Value.Root.Element("ViewDefinitions").Elements("View").Select(v => (string)v.Element("Name")).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
        }

        [Fact]
        public void Manifest_lists_the_format_file_and_it_is_staged()
        {
            var formats = new ManifestReader(RepoPaths.Manifest).List("FormatsToProcess");
            Assert.Equal(new[] { FormatFileName }, formats);
            string staged = Path.Combine(RepoPaths.ModuleOutput, FormatFileName);
            Assert.True(File.Exists(staged), staged + " is missing: build the module");
            Assert.Equal(File.ReadAllText(FormatSource), File.ReadAllText(staged));
        }

        [Fact]
        public void About_topic_is_staged_next_to_the_help()
        {
            string staged = Path.Combine(HelpDir, AboutFileName);
            Assert.True(File.Exists(staged), staged + " is missing: run `dotnet build Modules.sln -c Release`");
            string text = File.ReadAllText(staged);
            Assert.Equal(File.ReadAllText(AboutSource), text);
            Assert.StartsWith("TOPIC", text);
            Assert.Contains("about_AlibabaSecurityGroup", text);
        }

        [Theory]
        [InlineData("ALIBABA_CLOUD_ACCESS_KEY_ID")]
        [InlineData("ALIBABA_CLOUD_SECURITY_TOKEN")]
        [InlineData("ALIBABA_CLOUD_PROFILE")]
        [InlineData("ChainableRamRoleArn")]
        [InlineData("ALIBABA_CLOUD_REGION_ID")]
        [InlineData("Set-AlibabaCloudRegion")]
        [InlineData("ALIBABA_CLOUD_ENDPOINT_PRIVATELINK")]
        [InlineData("LTAI5tEmulatorAccessKey")]
        [InlineData("EmulatorAccessKeySecret0000000000")]
        [InlineData("x-acs-retry-after")]
        [InlineData("ClientToken")]
        [InlineData("-ThrottleLimit")]
        [InlineData("completion order")]
        public void About_topic_covers(string topic)
        {
            Assert.Contains(topic, File.ReadAllText(AboutSource));
        }

        [Fact]
        public void About_topic_lines_fit_an_80_column_console()
        {
            var lines = File.ReadAllLines(AboutSource);
            Assert.All(lines.Select((l, i) => (Line: l, Number: i + 1)), x => Assert.True(x.Line.Length <= 80, "line " + x.Number + " is " + x.Line.Length + " long"));
        }
    }
}
