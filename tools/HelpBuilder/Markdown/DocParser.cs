using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpBuilder.Markdown
{
    /// <summary>
    /// Reads the small markdown dialect of docs/README.md: "# Verb-Noun", then "## SECTION"s, with "### entries" in
    /// EXAMPLES, PARAMETERS, INPUTS and OUTPUTS. Blocks are paragraphs, list items and fenced code; a "#" inside a
    /// code fence is code, not a heading. Anything else is reported as a problem rather than guessed at.
    /// </summary>
    public static class DocParser
    {
        private static readonly Regex ListItem = new Regex(@"^\s{0,3}(?:([-*+])|(\d+)[.)])\s+(.*)$");

        private enum SectionKind { Prose, Entries }

        private static readonly Dictionary<string, SectionKind> Sections = new Dictionary<string, SectionKind>(StringComparer.Ordinal)
        {
            ["SYNOPSIS"] = SectionKind.Prose,
            ["DESCRIPTION"] = SectionKind.Prose,
            ["EXAMPLES"] = SectionKind.Entries,
            ["PARAMETERS"] = SectionKind.Entries,
            ["INPUTS"] = SectionKind.Entries,
            ["OUTPUTS"] = SectionKind.Entries,
            ["NOTES"] = SectionKind.Prose,
            ["RELATED LINKS"] = SectionKind.Prose,
        };

        public static CmdletDoc ParseFile(string path) => Parse(File.ReadAllText(path), path);

        public static CmdletDoc Parse(string text, string path)
        {
            var doc = new CmdletDoc { Path = path };
            var state = new State(doc);
            string[] lines = text.Replace("\r\n", "\n").Split('\n');

            int i = 0;
            if (lines.Length > 0 && lines[0].Trim() == "---")
            {
                // Front matter (platyPS habit): skipped, nothing in it is used.
                for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++) { }
                i++;
            }

            for (; i < lines.Length; i++)
            {
                string line = lines[i];
                int number = i + 1;
                string trimmed = line.Trim();

                if (state.Fence != null)
                {
                    if (trimmed.StartsWith(state.Fence, StringComparison.Ordinal) && trimmed.Trim(state.Fence[0]).Length == 0)
                        state.CloseFence();
                    else
                        state.FenceLines.Add(line);
                    continue;
                }

                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    state.Flush();
                    state.OpenFence(trimmed.Substring(0, 3), number);
                    continue;
                }

                var heading = Regex.Match(line, @"^(#{1,6})\s+(.*?)\s*#*\s*$");
                if (heading.Success)
                {
                    state.Flush();
                    state.Heading(heading.Groups[1].Length, heading.Groups[2].Value, number);
                    continue;
                }

                if (trimmed.Length == 0)
                {
                    state.Flush();
                    continue;
                }

                var item = ListItem.Match(line);
                if (item.Success)
                {
                    state.Flush();
                    string marker = item.Groups[1].Success ? "-" : item.Groups[2].Value + ".";
                    state.Start(BlockKind.ListItem, marker + " " + item.Groups[3].Value.Trim(), number);
                    continue;
                }

                state.Continue(trimmed, number);
            }

            state.Flush();
            if (state.Fence != null)
                doc.Problems.Add(Problem.Error("HELP010", path, state.FenceLine, "This code fence is never closed."));
            if (doc.Name == null)
                doc.Problems.Add(Problem.Error("HELP011", path, 1, "The file has no '# Verb-Noun' title."));
            return doc;
        }

        private sealed class State
        {
            private readonly CmdletDoc _doc;
            private string _section;
            private SectionKind _sectionKind;
            private Entry _entry;
            private StringBuilder _paragraph;
            private BlockKind _paragraphKind;
            private int _paragraphLine;

            public State(CmdletDoc doc) { _doc = doc; }

            public string Fence { get; private set; }
            public int FenceLine { get; private set; }
            public List<string> FenceLines { get; } = new List<string>();

            public void OpenFence(string marker, int line)
            {
                Fence = marker;
                FenceLine = line;
                FenceLines.Clear();
            }

            public void CloseFence()
            {
                Add(new Block(BlockKind.Code, string.Join("\n", FenceLines).TrimEnd()), FenceLine);
                Fence = null;
            }

            public void Heading(int level, string text, int line)
            {
                if (level == 1)
                {
                    if (_doc.Name != null)
                        _doc.Problems.Add(Problem.Error("HELP012", _doc.Path, line, "A second '# ' title; a file documents one cmdlet."));
                    else
                        _doc.Name = text.Trim();
                    return;
                }

                if (level == 2)
                {
                    _entry = null;
                    string name = text.Trim().ToUpperInvariant();
                    if (name == "SYNTAX")
                    {
                        _doc.Problems.Add(Problem.Error("HELP013", _doc.Path, line,
                            "Remove '## SYNTAX': the syntax is generated from the assembly's parameter sets."));
                        _section = null;
                        return;
                    }
                    if (!Sections.TryGetValue(name, out _sectionKind))
                    {
                        _doc.Problems.Add(Problem.Error("HELP014", _doc.Path, line,
                            "Unknown section '## " + text.Trim() + "'. Sections: " + string.Join(", ", Sections.Keys) + "."));
                        _section = null;
                        return;
                    }
                    _section = name;
                    return;
                }

                if (level == 3 && _section != null && _sectionKind == SectionKind.Entries)
                {
                    _entry = new Entry(text.Trim(), line);
                    EntryList().Add(_entry);
                    return;
                }

                _doc.Problems.Add(Problem.Error("HELP015", _doc.Path, line,
                    "A level-" + level + " heading is not expected here" + (_section == null ? "" : " (in " + _section + ")") +
                    ". Only EXAMPLES, PARAMETERS, INPUTS and OUTPUTS have '### ' entries."));
            }

            public void Start(BlockKind kind, string text, int line)
            {
                _paragraph = new StringBuilder(text);
                _paragraphKind = kind;
                _paragraphLine = line;
            }

            public void Continue(string text, int line)
            {
                if (_paragraph == null) Start(BlockKind.Paragraph, text, line);
                else _paragraph.Append(' ').Append(text);
            }

            public void Flush()
            {
                if (_paragraph == null) return;
                Add(new Block(_paragraphKind, _paragraph.ToString()), _paragraphLine);
                _paragraph = null;
            }

            private void Add(Block block, int line)
            {
                if (_section == null)
                {
                    if (_doc.Name != null || block.Kind != BlockKind.Paragraph)
                        _doc.Problems.Add(Problem.Error("HELP016", _doc.Path, line, "Text outside any '## SECTION'."));
                    else
                        _doc.Problems.Add(Problem.Error("HELP016", _doc.Path, line, "Text before the '# Verb-Noun' title."));
                    return;
                }
                if (_sectionKind == SectionKind.Entries)
                {
                    if (_entry == null)
                        _doc.Problems.Add(Problem.Error("HELP017", _doc.Path, line,
                            "Text in " + _section + " before its first '### ' entry; it would be lost."));
                    else
                        _entry.Blocks.Add(block);
                    return;
                }
                ProseList().Add(block);
            }

            private List<Entry> EntryList()
            {
                switch (_section)
                {
                    case "EXAMPLES": return _doc.Examples;
                    case "PARAMETERS": return _doc.Parameters;
                    case "INPUTS": return _doc.Inputs;
                    default: return _doc.Outputs;
                }
            }

            private List<Block> ProseList()
            {
                switch (_section)
                {
                    case "SYNOPSIS": return _doc.Synopsis;
                    case "DESCRIPTION": return _doc.Description;
                    case "NOTES": return _doc.Notes;
                    default: return _doc.RelatedLinks;
                }
            }
        }
    }
}
