using System;
using System.Collections.Generic;
using System.Linq;
using HelpBuilder.Markdown;
using HelpBuilder.Reflection;

namespace HelpBuilder.Checks
{
    /// <summary>
    /// Holds the docs and the assembly against each other. Errors fail the build: a cmdlet without a file, a
    /// parameter without a section, a section for a parameter that does not exist, fewer than three examples, a
    /// malformed file. A file for a cmdlet the assembly does not have (yet) is only a warning.
    /// </summary>
    public static class DocChecker
    {
        public const int MinimumExamples = 3;

        private static readonly HashSet<string> CommonParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
            "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        };

        public static void Check(IReadOnlyList<CmdletShape> cmdlets, IReadOnlyList<CmdletDoc> docs, string docsDir, List<Problem> problems)
        {
            var byName = docs.Where(d => d.Name != null).GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

            foreach (var cmdlet in cmdlets)
            {
                if (!byName.TryGetValue(cmdlet.Name, out var doc))
                {
                    problems.Add(Problem.Error("HELP001", System.IO.Path.Combine(docsDir, cmdlet.Name + ".md"), 0,
                        cmdlet.Name + " (" + cmdlet.Type.FullName + ") has no help file. Create docs/" + cmdlet.Name +
                        ".md (format: docs/README.md)."));
                    continue;
                }
                CheckCmdlet(cmdlet, doc, problems);
            }

            var known = new HashSet<string>(cmdlets.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var doc in docs.Where(d => d.Name != null && !known.Contains(d.Name)))
                problems.Add(Problem.Warning("HELP101", doc.Path, 1,
                    doc.Name + " is not a cmdlet of the assembly (yet); its help is not generated."));
        }

        private static void CheckCmdlet(CmdletShape cmdlet, CmdletDoc doc, List<Problem> problems)
        {
            string file = doc.Path;
            if (!string.Equals(System.IO.Path.GetFileNameWithoutExtension(file), doc.Name, StringComparison.Ordinal))
                problems.Add(Problem.Error("HELP002", file, 1, "The title '# " + doc.Name + "' does not match the file name."));
            if (doc.Synopsis.Count == 0)
                problems.Add(Problem.Error("HELP003", file, 1, cmdlet.Name + " has no SYNOPSIS."));
            if (doc.Description.Count == 0)
                problems.Add(Problem.Error("HELP004", file, 1, cmdlet.Name + " has no DESCRIPTION."));

            if (doc.Examples.Count < MinimumExamples)
                problems.Add(Problem.Error("HELP005", file, 1, cmdlet.Name + " has " + doc.Examples.Count + " example(s); at least " +
                    MinimumExamples + " are required."));
            foreach (var example in doc.Examples)
            {
                int code = example.Blocks.FindIndex(b => b.Kind == BlockKind.Code);
                if (code < 0)
                    problems.Add(Problem.Error("HELP006", file, example.Line, "Example '" + example.Heading + "' has no code block."));
                else if (code > 0)
                    problems.Add(Problem.Error("HELP006", file, example.Line, "Example '" + example.Heading + "': put the code block first, remarks after it."));
                else if (example.Blocks.Count < 2)
                    problems.Add(Problem.Error("HELP006", file, example.Line, "Example '" + example.Heading + "' has no remarks after its code."));
            }

            var documented = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in doc.Parameters)
            {
                if (!entry.Heading.StartsWith("-", StringComparison.Ordinal))
                {
                    problems.Add(Problem.Error("HELP007", file, entry.Line, "A parameter heading is '### -Name'; found '### " + entry.Heading + "'."));
                    continue;
                }
                string name = entry.Heading.Substring(1).Trim();
                if (documented.ContainsKey(name))
                {
                    problems.Add(Problem.Error("HELP008", file, entry.Line, "-" + name + " is documented twice."));
                    continue;
                }
                documented[name] = entry;

                bool real = cmdlet.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                    || cmdlet.ShouldProcessParameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (!real)
                    problems.Add(Problem.Error("HELP009", file, entry.Line, CommonParameters.Contains(name)
                        ? "-" + name + " is a common parameter; do not document it per cmdlet."
                        : cmdlet.Name + " has no parameter -" + name + " (parameters: " +
                          string.Join(", ", cmdlet.Parameters.Select(p => "-" + p.Name)) + ")."));
                else if (entry.Blocks.Count == 0)
                    problems.Add(Problem.Error("HELP020", file, entry.Line, "-" + name + " has a heading but no description."));
            }

            foreach (var parameter in cmdlet.Parameters)
                if (!documented.ContainsKey(parameter.Name))
                    problems.Add(Problem.Error("HELP021", file, 0, cmdlet.Name + " -" + parameter.Name +
                        " has no description: add a '### -" + parameter.Name + "' section under '## PARAMETERS'."));

            foreach (var output in cmdlet.OutputTypes)
                if (!doc.Outputs.Any(o => string.Equals(o.Heading, output, StringComparison.Ordinal)))
                    problems.Add(Problem.Warning("HELP102", file, 0, cmdlet.Name + " declares [OutputType(" + output +
                        ")] but OUTPUTS has no '### " + output + "' entry."));
        }
    }
}
