using System.Text;
using System.Text.RegularExpressions;

namespace HelpBuilder.Markdown
{
    /// <summary>
    /// Turns inline markdown into the plain text Get-Help prints: `code` and **bold** lose their markers,
    /// [text](url) becomes "text (url)". Nothing inside a code span is touched.
    /// </summary>
    public static class Inline
    {
        private static readonly Regex CodeSpan = new Regex(@"(`+)(.+?)\1");
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]*)\)");
        private static readonly Regex Strong = new Regex(@"(\*\*|__)(.+?)\1");
        private static readonly Regex Escape = new Regex(@"\\([\\`*_{}\[\]()#+\-.!<>|])");

        public static string ToPlain(string text)
        {
            var result = new StringBuilder();
            int at = 0;
            foreach (Match code in CodeSpan.Matches(text))
            {
                result.Append(Markup(text.Substring(at, code.Index - at)));
                result.Append(code.Groups[2].Value.Trim());
                at = code.Index + code.Length;
            }
            result.Append(Markup(text.Substring(at)));
            return result.ToString();
        }

        /// <summary>A link's target, when the text is exactly one link ("[about_X](about_X.help.txt)").</summary>
        public static bool TryLink(string text, out string linkText, out string uri)
        {
            var m = Link.Match(text.Trim());
            bool whole = m.Success && m.Length == text.Trim().Length;
            linkText = whole ? m.Groups[1].Value : ToPlain(text);
            uri = whole ? m.Groups[2].Value : "";
            return whole;
        }

        private static string Markup(string text)
        {
            text = Link.Replace(text, m => string.IsNullOrEmpty(m.Groups[2].Value) || m.Groups[2].Value.StartsWith("#") || !m.Groups[2].Value.Contains(":")
                ? m.Groups[1].Value
                : m.Groups[1].Value + " (" + m.Groups[2].Value + ")");
            text = Strong.Replace(text, "$2");
            return Escape.Replace(text, "$1");
        }
    }
}
