using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using AlibabaSecurityGroup.Tests.Module;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;
using static AlibabaSecurityGroup.Tests.Help.HelpFiles;

namespace AlibabaSecurityGroup.Tests.Help
{
    /// <summary>
    /// The built MAML against the assembly: what Get-Help will show is what the cmdlets really accept. pwsh is not
    /// on the build machines, so these checks stand in for running Get-Help.
    /// </summary>
    public class HelpXmlTests
    {
        public static IEnumerable<object[]> Cmdlets => CmdletNames();
        public static IEnumerable<object[]> RemovalCmdlets => RemovalCmdletNames();

        [Fact]
        public void Help_file_is_maml_with_one_entry_per_command()
        {
            var root = HelpXml.Root;
            Assert.Equal(Msh + "helpItems", root.Name);
            Assert.Equal("maml", (string)root.Attribute("schema"));
            var names = root.Elements(Command + "command").Select(c => (string)c.Element(Command + "details").Element(Command + "name")).ToList();
            Assert.NotEmpty(names);
            Assert.Equal(names.Count, names.Distinct().Count());
            foreach (var command in root.Elements(Command + "command"))
            {
                var details = command.Element(Command + "details");
                string name = (string)details.Element(Command + "name");
                Assert.Equal(name, details.Element(Command + "verb").Value + "-" + details.Element(Command + "noun").Value);
                Assert.False(string.IsNullOrWhiteSpace(Text(details.Element(Maml + "description"))), name + " has no synopsis");
                Assert.False(string.IsNullOrWhiteSpace(Text(command.Element(Maml + "description"))), name + " has no description");
                Assert.NotNull(command.Element(Command + "syntax"));
            }
        }

        [Fact]
        public void Only_cmdlets_of_the_assembly_are_in_the_help()
        {
            var names = HelpXml.Root.Elements(Command + "command").Select(c => (string)c.Element(Command + "details").Element(Command + "name"));
            Assert.All(names, name => Assert.Contains(name, ModuleAssembly.Cmdlets.Keys));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_cmdlet_has_a_command_entry(string name)
        {
            Assert.NotNull(CommandEntry(name));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_public_parameter_is_in_the_help_with_its_type_pipeline_input_and_aliases(string name)
        {
            var cmdlet = ModuleAssembly.Cmdlets[name];
            var documented = CommandEntry(name).Element(Command + "parameters").Elements(Command + "parameter")
                .ToDictionary(p => (string)p.Element(Maml + "name"));

            foreach (var parameter in Parameters(cmdlet))
            {
                Assert.True(documented.TryGetValue(parameter.Name, out var help), name + " -" + parameter.Name + " is not in the help");
                Assert.Equal(parameter.PropertyType.FullName, (string)help.Element(Dev + "type").Element(Maml + "name"));
                Assert.Equal(ExpectedPipelineInput(parameter), (string)help.Attribute("pipelineInput"));
                var aliases = Aliases(parameter);
                Assert.Equal(aliases.Length == 0 ? "none" : string.Join(", ", aliases), (string)help.Attribute("aliases"));
                Assert.False(string.IsNullOrWhiteSpace(Text(help.Element(Maml + "description"))), name + " -" + parameter.Name + " has no description");

                var sets = CustomAttributes.Named(parameter, "ParameterAttribute").ToList();
                bool mandatory = sets.All(a => CustomAttributes.Arg<bool>(a, "Mandatory"));
                Assert.Equal(mandatory ? "true" : "false", (string)help.Attribute("required"));
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void The_help_names_no_parameter_the_cmdlet_lacks(string name)
        {
            var cmdlet = ModuleAssembly.Cmdlets[name];
            var real = new HashSet<string>(Parameters(cmdlet).Select(p => p.Name));
            var attribute = CustomAttributes.Named(cmdlet, "CmdletAttribute").Single();
            if (CustomAttributes.Arg<bool>(attribute, "SupportsShouldProcess")) { real.Add("WhatIf"); real.Add("Confirm"); }

            var inHelp = CommandEntry(name).Descendants(Command + "parameter").Select(p => (string)p.Element(Maml + "name"));
            Assert.All(inHelp, p => Assert.Contains(p, real));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Syntax_has_one_item_per_parameter_set_with_the_right_mandatory_and_positional_parameters(string name)
        {
            var cmdlet = ModuleAssembly.Cmdlets[name];
            var memberships = Parameters(cmdlet)
                .SelectMany(p => CustomAttributes.Named(p, "ParameterAttribute").Select(a => (Parameter: p, Attribute: a)))
                .Select(x => (x.Parameter, Set: CustomAttributes.Arg<string>(x.Attribute, "ParameterSetName") ?? "__AllParameterSets", x.Attribute))
                .ToList();
            var sets = memberships.Select(m => m.Set).Where(s => s != "__AllParameterSets").Distinct().ToList();
            var items = CommandEntry(name).Element(Command + "syntax").Elements(Command + "syntaxItem").ToList();
            Assert.Equal(Math.Max(1, sets.Count), items.Count);

            foreach (var set in sets.DefaultIfEmpty("__AllParameterSets"))
            {
                var expected = memberships.Where(m => (m.Set == set || m.Set == "__AllParameterSets") && !CustomAttributes.Arg<bool>(m.Attribute, "DontShow"))
                    .ToDictionary(m => m.Parameter.Name, m => m.Attribute);
                // The syntax item of this set is the one that lists exactly this set's visible parameters.
                var item = items.SingleOrDefault(i => new HashSet<string>(i.Elements(Command + "parameter").Select(p => (string)p.Element(Maml + "name"))
                    .Where(n => n != "WhatIf" && n != "Confirm")).SetEquals(expected.Keys));
                Assert.True(item != null, name + ": no syntax item lists the parameters of set " + set + ": " + string.Join(", ", expected.Keys));
                foreach (var p in item.Elements(Command + "parameter").Where(p => expected.ContainsKey((string)p.Element(Maml + "name"))))
                {
                    var attribute = expected[(string)p.Element(Maml + "name")];
                    Assert.Equal(CustomAttributes.Arg<bool>(attribute, "Mandatory") ? "true" : "false", (string)p.Attribute("required"));
                    int position = CustomAttributes.Arg(attribute, "Position", int.MinValue);
                    Assert.Equal(position == int.MinValue ? "named" : position.ToString(), (string)p.Attribute("position"));
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_cmdlet_has_at_least_three_examples_with_code_and_remarks(string name)
        {
            var examples = CommandEntry(name).Element(Command + "examples").Elements(Command + "example").ToList();
            Assert.True(examples.Count >= 3, name + " has " + examples.Count + " examples");
            foreach (var example in examples)
            {
                Assert.False(string.IsNullOrWhiteSpace((string)example.Element(Maml + "title")));
                Assert.Contains(name, (string)example.Element(Dev + "code"));
                Assert.False(string.IsNullOrWhiteSpace(Text(example.Element(Dev + "remarks"))), name + ": an example has no remarks");
            }
        }

        [Theory]
        [MemberData(nameof(RemovalCmdlets))]
        public void Removal_cmdlets_explain_WhatIf_completion_order_and_per_item_errors(string name)
        {
            var command = CommandEntry(name);
            string notes = Text(command.Element(Maml + "alertSet"));
            Assert.Contains("DryRun", notes);
            Assert.Contains("completion order", notes);
            Assert.Contains("non-terminating", notes);
            Assert.Contains("ObjectNotFound", notes);

            var examples = string.Join("\n", command.Element(Command + "examples").Elements(Command + "example").Select(e => (string)e.Element(Dev + "code")));
            Assert.Contains("-WhatIf", examples);
            Assert.Contains("|", examples);
            if (ModuleAssembly.Cmdlets[name].GetProperty("Wait") != null) Assert.Contains("-Wait", examples);
        }

        [Fact]
        public void Ecs_removal_explains_why_LeaveSecurityGroup_and_what_the_preflight_checks()
        {
            string notes = Text(CommandEntry("Remove-EcsSecurityGroupMember").Element(Maml + "alertSet"));
            Assert.Contains("ModifyInstanceAttribute", notes);
            Assert.Contains("ModifyNetworkInterfaceAttribute", notes);
            Assert.Contains("not recommended", notes);
            Assert.Contains("preflight", notes);
            Assert.Contains("InstanceNotInSecurityGroup", notes);
            Assert.Contains("InvalidSecurityGroupAssociation.NotFound", notes);
        }

        [Theory]
        [MemberData(nameof(RemovalCmdlets))]
        public void Defaults_come_from_the_cmdlet_class(string name)
        {
            var parameters = CommandEntry(name).Element(Command + "parameters").Elements(Command + "parameter")
                .ToDictionary(p => (string)p.Element(Maml + "name"), p => (string)p.Element(Dev + "defaultValue"));
            Assert.Equal("5", parameters["ThrottleLimit"]);
            Assert.Equal("False", parameters["PassThru"]);
            if (parameters.ContainsKey("TimeoutSec")) Assert.Equal("300", parameters["TimeoutSec"]);
        }

        [Theory]
        [MemberData(nameof(RemovalCmdlets))]
        public void Hidden_InputObject_is_documented_but_not_in_the_syntax(string name)
        {
            var command = CommandEntry(name);
            var input = command.Element(Command + "parameters").Elements(Command + "parameter").Single(p => (string)p.Element(Maml + "name") == "InputObject");
            Assert.Contains("TargetObject", Text(input.Element(Maml + "description")));
            Assert.DoesNotContain(command.Element(Command + "syntax").Descendants(Command + "parameter"), p => (string)p.Element(Maml + "name") == "InputObject");
        }
    }
}
