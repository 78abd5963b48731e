using System.Collections.Generic;

namespace HelpBuilder.Markdown
{
    /// <summary>One block of prose: a paragraph, a list item or a fenced code block.</summary>
    public sealed class Block
    {
        public Block(BlockKind kind, string text) { Kind = kind; Text = text; }
        public BlockKind Kind { get; }
        /// <summary>Paragraphs and list items: one line, inline markup kept. Code: the lines as written.</summary>
        public string Text { get; }
    }

    public enum BlockKind { Paragraph, ListItem, Code }

    /// <summary>A "### heading" with the blocks under it (an example, a parameter, an input or output type, a link list).</summary>
    public sealed class Entry
    {
        public Entry(string heading, int line) { Heading = heading; Line = line; }
        public string Heading { get; }
        public int Line { get; }
        public List<Block> Blocks { get; } = new List<Block>();
    }

    /// <summary>What one docs/Verb-Noun.md says. Everything the assembly knows (types, sets, pipeline...) is absent on purpose.</summary>
    public sealed class CmdletDoc
    {
        public string Path { get; set; }
        public string Name { get; set; }
        public List<Block> Synopsis { get; } = new List<Block>();
        public List<Block> Description { get; } = new List<Block>();
        public List<Entry> Examples { get; } = new List<Entry>();
        public List<Entry> Parameters { get; } = new List<Entry>();
        public List<Entry> Inputs { get; } = new List<Entry>();
        public List<Entry> Outputs { get; } = new List<Entry>();
        public List<Block> Notes { get; } = new List<Block>();
        public List<Block> RelatedLinks { get; } = new List<Block>();

        /// <summary>Structural mistakes found while reading (unknown section, text outside an entry...).</summary>
        public List<Problem> Problems { get; } = new List<Problem>();
    }
}
