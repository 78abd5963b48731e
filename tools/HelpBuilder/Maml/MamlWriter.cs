using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using HelpBuilder.Markdown;
using HelpBuilder.Reflection;

namespace HelpBuilder.Maml
{
    /// <summary>
    /// Writes the MAML file Get-Help reads for a compiled module (AlibabaSecurityGroup.dll-Help.xml): prose from the
    /// docs, everything structural (syntax, types, required, position, pipeline input, aliases, defaults) from the
    /// assembly. Element order follows developerCommand.xsd: details, description, syntax, parameters, inputTypes,
    /// returnValues, alertSet, examples, relatedLinks.
    /// </summary>
    public static class MamlWriter
    {
        public const string Msh = "http://msh";
        public const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
        public const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
        public const string MsHelpNs = "http://msdn.microsoft.com/mshelp";

        public static void Write(string path, IEnumerable<(CmdletShape Cmdlet, CmdletDoc Doc)> commands)
        {
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false) };
            string temp = path + ".tmp";
            using (var writer = XmlWriter.Create(temp, settings))
            {
                writer.WriteStartDocument();
                writer.WriteStartElement("helpItems", Msh);
                writer.WriteAttributeString("schema", "maml");
                foreach (var (cmdlet, doc) in commands) WriteCommand(writer, cmdlet, doc);
                writer.WriteEndElement();
                writer.WriteEndDocument();
            }
            File.Copy(temp, path, true);
            File.Delete(temp);
        }

        private static void WriteCommand(XmlWriter w, CmdletShape cmdlet, CmdletDoc doc)
        {
            w.WriteStartElement("command", "command", CommandNs);
            w.WriteAttributeString("xmlns", "maml", null, MamlNs);
            w.WriteAttributeString("xmlns", "dev", null, DevNs);
            w.WriteAttributeString("xmlns", "MSHelp", null, MsHelpNs);

            w.WriteStartElement("details", CommandNs);
            w.WriteElementString("name", CommandNs, cmdlet.Name);
            w.WriteElementString("verb", CommandNs, cmdlet.Verb);
            w.WriteElementString("noun", CommandNs, cmdlet.Noun);
            Description(w, doc.Synopsis);
            w.WriteEndElement();

            Description(w, doc.Description);

            var descriptions = doc.Parameters
                .Where(e => e.Heading.StartsWith("-", StringComparison.Ordinal))
                .GroupBy(e => e.Heading.Substring(1).Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Blocks, StringComparer.OrdinalIgnoreCase);
            List<Block> DescriptionOf(ParameterShape p) =>
                descriptions.TryGetValue(p.Name, out var blocks) ? blocks : DefaultDescription(p);

            w.WriteStartElement("syntax", CommandNs);
            foreach (var set in cmdlet.ParameterSets)
            {
                w.WriteStartElement("syntaxItem", CommandNs);
                w.WriteElementString("name", MamlNs, cmdlet.Name);
                var inSet = cmdlet.Parameters.Where(p => !p.DontShow && p.InSet(set))
                    .OrderBy(p => p.For(set).Position ?? int.MaxValue)
                    .ThenBy(p => p.For(set).Mandatory ? 0 : 1)
                    .ThenBy(p => p.Order)
                    .Concat(cmdlet.ShouldProcessParameters);
                foreach (var p in inSet)
                {
                    var m = p.For(set);
                    Parameter(w, p, DescriptionOf(p), m.Mandatory, Position(m.Position), Pipeline(m.ByValue, m.ByPropertyName), inSyntax: true);
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("parameters", CommandNs);
            var all = cmdlet.Parameters
                .OrderBy(p => p.Sets.Min(s => s.Position ?? int.MaxValue))
                .ThenBy(p => p.Sets.Any(s => s.Mandatory) ? 0 : 1)
                .ThenBy(p => p.Order)
                .Concat(cmdlet.ShouldProcessParameters);
            foreach (var p in all)
            {
                var positions = p.Sets.Select(s => s.Position).Where(x => x.HasValue).Distinct().ToList();
                Parameter(w, p, DescriptionOf(p),
                    required: p.Sets.All(s => s.Mandatory),
                    position: positions.Count == 1 ? Position(positions[0]) : "named",
                    pipeline: Pipeline(p.Sets.Any(s => s.ByValue), p.Sets.Any(s => s.ByPropertyName)),
                    inSyntax: false);
            }
            w.WriteEndElement();

            TypeList(w, "inputTypes", "inputType", doc.Inputs);
            TypeList(w, "returnValues", "returnValue", doc.Outputs);

            if (doc.Notes.Count > 0)
            {
                w.WriteStartElement("alertSet", MamlNs);
                w.WriteStartElement("alert", MamlNs);
                Paras(w, doc.Notes);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteStartElement("examples", CommandNs);
            int number = 0;
            foreach (var example in doc.Examples)
            {
                number++;
                var code = example.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Code);
                w.WriteStartElement("example", CommandNs);
                string title = example.Heading.StartsWith("Example", StringComparison.OrdinalIgnoreCase)
                    ? example.Heading
                    : "Example " + number + ": " + example.Heading;
                w.WriteElementString("title", MamlNs, "-------------------------- " + Inline.ToPlain(title) + " --------------------------");
                w.WriteElementString("code", DevNs, code?.Text ?? "");
                w.WriteStartElement("remarks", DevNs);
                Paras(w, example.Blocks.Where(b => b != code));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("relatedLinks", CommandNs);
            foreach (var link in doc.RelatedLinks)
            {
                string text = link.Kind == BlockKind.ListItem ? link.Text.Substring(link.Text.IndexOf(' ') + 1) : link.Text;
                Inline.TryLink(text, out var linkText, out var uri);
                w.WriteStartElement("navigationLink", MamlNs);
                w.WriteElementString("linkText", MamlNs, linkText);
                w.WriteElementString("uri", MamlNs, uri.Contains(":") ? uri : "");
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteEndElement();
        }

        private static void Parameter(XmlWriter w, ParameterShape p, List<Block> description, bool required, string position, string pipeline, bool inSyntax)
        {
            w.WriteStartElement("parameter", CommandNs);
            w.WriteAttributeString("required", required ? "true" : "false");
            w.WriteAttributeString("variableLength", p.Type.IsArray ? "true" : "false");
            w.WriteAttributeString("globbing", p.Globbing ? "true" : "false");
            w.WriteAttributeString("pipelineInput", pipeline);
            w.WriteAttributeString("position", position);
            w.WriteAttributeString("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
            w.WriteElementString("name", MamlNs, p.Name);

            var paras = new List<Block>(description);
            paras.AddRange(p.Constraints.Select(c => new Block(BlockKind.Paragraph, c)));
            w.WriteStartElement("description", MamlNs);
            Paras(w, paras);
            w.WriteEndElement();

            if (p.ValidValues.Count > 0)
            {
                w.WriteStartElement("parameterValueGroup", CommandNs);
                foreach (var value in p.ValidValues)
                {
                    w.WriteStartElement("parameterValue", CommandNs);
                    w.WriteAttributeString("required", "false");
                    w.WriteAttributeString("variableLength", "false");
                    w.WriteString(value);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }

            // A switch takes no value, so its syntax shows none.
            if (!(inSyntax && p.IsSwitch))
            {
                w.WriteStartElement("parameterValue", CommandNs);
                w.WriteAttributeString("required", p.IsSwitch ? "false" : "true");
                w.WriteAttributeString("variableLength", p.Type.IsArray ? "true" : "false");
                w.WriteString(p.Type.Name);
                w.WriteEndElement();
            }

            w.WriteStartElement("type", DevNs);
            w.WriteElementString("name", MamlNs, p.Type.FullName);
            w.WriteElementString("uri", MamlNs, "");
            w.WriteEndElement();
            w.WriteElementString("defaultValue", DevNs, p.DefaultValue);
            w.WriteEndElement();
        }

        private static void TypeList(XmlWriter w, string listName, string itemName, List<Entry> entries)
        {
            w.WriteStartElement(listName, CommandNs);
            foreach (var entry in entries)
            {
                w.WriteStartElement(itemName, CommandNs);
                w.WriteStartElement("type", DevNs);
                w.WriteElementString("name", MamlNs, Inline.ToPlain(entry.Heading));
                w.WriteElementString("uri", MamlNs, "");
                w.WriteEndElement();
                w.WriteStartElement("description", MamlNs);
                Paras(w, entry.Blocks);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        private static void Description(XmlWriter w, IEnumerable<Block> blocks)
        {
            w.WriteStartElement("description", MamlNs);
            Paras(w, blocks);
            w.WriteEndElement();
        }

        private static void Paras(XmlWriter w, IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
            {
                string text = block.Kind == BlockKind.Code
                    ? string.Join("\n", block.Text.Split('\n').Select(l => "    " + l))
                    : Inline.ToPlain(block.Text);
                w.WriteElementString("para", MamlNs, text);
            }
        }

        private static List<Block> DefaultDescription(ParameterShape p)
        {
            string text = p.Name == "WhatIf"
                ? "Shows what would happen if the cmdlet runs. The cmdlet is not run."
                : p.Name == "Confirm"
                    ? "Prompts you for confirmation before running the cmdlet."
                    : "";
            return new List<Block> { new Block(BlockKind.Paragraph, text) };
        }

        private static string Position(int? position) => position.HasValue ? position.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named";

        private static string Pipeline(bool byValue, bool byPropertyName)
        {
            if (byValue && byPropertyName) return "True (ByValue, ByPropertyName)";
            if (byValue) return "True (ByValue)";
            if (byPropertyName) return "True (ByPropertyName)";
            return "False";
        }
    }
}
