using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AlibabaSecurityGroup.Tests.Support
{
    /// <summary>
    /// Reads the keys of the module manifest that the tests check. pwsh is not on the build machines, so this
    /// understands just the forms our psd1 uses: Key = 'value' and Key = @( 'a', 'b' ).
    /// </summary>
    public sealed class ManifestReader
    {
        private readonly string _text;

        public ManifestReader(string path) { _text = File.ReadAllText(path); }

        public string Scalar(string key)
        {
            var m = Regex.Match(_text, @"(?m)^\s*" + Regex.Escape(key) + @"\s*=\s*'([^']*)'");
            return m.Success ? m.Groups[1].Value : null;
        }

        public IReadOnlyList<string> List(string key)
        {
            var m = Regex.Match(_text, @"(?ms)^\s*" + Regex.Escape(key) + @"\s*=\s*@\((.*?)\)");
            if (!m.Success) return null;
            return Regex.Matches(m.Groups[1].Value, @"'([^']*)'").Cast<Match>().Select(x => x.Groups[1].Value).ToList();
        }

        public bool Contains(string text) => _text.Contains(text);
    }
}
