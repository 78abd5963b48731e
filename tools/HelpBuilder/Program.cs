using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using HelpBuilder.Checks;
using HelpBuilder.Markdown;
using HelpBuilder.Maml;
using HelpBuilder.Reflection;

namespace HelpBuilder
{
    /// <summary>
    /// HelpBuilder --docs &lt;docs dir&gt; --out &lt;module&gt;/en-US [--assembly &lt;path&gt;]
    /// Reads docs/Verb-Noun.md and the module assembly, checks one against the other, writes
    /// AlibabaSecurityGroup.dll-Help.xml and copies docs/about_*.help.txt. Exit 1 on any error.
    /// </summary>
    public static class Program
    {
        private static readonly Regex CmdletFile = new Regex(@"^[A-Za-z]+-[A-Za-z0-9]+\.md$");

        public static int Main(string[] args)
        {
            string docsDir = null, outDir = null, assemblyPath = null;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--docs" when i + 1 < args.Length: docsDir = args[++i]; break;
                    case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
                    case "--assembly" when i + 1 < args.Length: assemblyPath = args[++i]; break;
                    default:
                        Console.Error.WriteLine("usage: HelpBuilder --docs <dir> --out <dir> [--assembly <AlibabaSecurityGroup.dll>]");
                        return 2;
                }
            }
            if (docsDir == null || outDir == null)
            {
                Console.Error.WriteLine("usage: HelpBuilder --docs <dir> --out <dir> [--assembly <AlibabaSecurityGroup.dll>]");
                return 2;
            }
            docsDir = Path.GetFullPath(docsDir);
            outDir = Path.GetFullPath(outDir);

            var problems = new List<Problem>();
            // The referenced build of the module sits next to this tool; --assembly documents another copy.
            Assembly module = assemblyPath == null
                ? Assembly.Load(new AssemblyName("AlibabaSecurityGroup"))
                : Assembly.LoadFrom(Path.GetFullPath(assemblyPath));
            string helpFile = Path.GetFileName(module.Location) + "-Help.xml";

            var cmdlets = CmdletReader.Read(module, problems);
            var docs = Directory.Exists(docsDir)
                ? Directory.GetFiles(docsDir, "*.md").Where(f => CmdletFile.IsMatch(Path.GetFileName(f)))
                    .OrderBy(f => f, StringComparer.Ordinal).Select(DocParser.ParseFile).ToList()
                : new List<CmdletDoc>();
            foreach (var doc in docs) problems.AddRange(doc.Problems);
            DocChecker.Check(cmdlets, docs, docsDir, problems);

            var abouts = Directory.Exists(docsDir) ? Directory.GetFiles(docsDir, "about_*.help.txt") : new string[0];
            if (abouts.Length == 0)
                problems.Add(Problem.Warning("HELP103", docsDir, 0, "No about_*.help.txt topic to stage."));

            foreach (var problem in problems.OrderBy(p => p.Severity))
                Console.WriteLine(problem);

            int errors = problems.Count(p => p.Severity == Severity.Error);
            if (errors > 0)
            {
                Console.WriteLine("HelpBuilder: error HELP000: " + errors + " help problem(s); " + helpFile + " was not written.");
                return 1;
            }

            Directory.CreateDirectory(outDir);
            var byName = docs.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
            var documented = cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c, byName[c.Name])).ToList();
            MamlWriter.Write(Path.Combine(outDir, helpFile), documented);
            foreach (var about in abouts)
                File.Copy(about, Path.Combine(outDir, Path.GetFileName(about)), true);

            Console.WriteLine("HelpBuilder: " + documented.Count + " cmdlet(s) -> " + Path.Combine(outDir, helpFile) +
                (abouts.Length > 0 ? "; staged " + string.Join(", ", abouts.Select(Path.GetFileName)) : ""));
            return 0;
        }
    }
}
