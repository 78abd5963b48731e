using System;
using System.Collections.Generic;
using System.Globalization;

namespace AlibabaSecurityGroup.Benchmarks.Infrastructure
{
    /// <summary>"--name value" and "--flag" options.</summary>
    internal sealed class Args
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public Args(IEnumerable<string> args)
        {
            string pending = null;
            foreach (var a in args)
            {
                if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    if (pending != null) _values[pending] = "true";
                    pending = a.Substring(2);
                }
                else if (pending != null)
                {
                    _values[pending] = a;
                    pending = null;
                }
                else throw new ArgumentException("unexpected argument '" + a + "'");
            }
            if (pending != null) _values[pending] = "true";
        }

        public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        public double Double(string name, double fallback) => _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        public bool Flag(string name) => _values.TryGetValue(name, out var v) && v != "false";
    }
}
