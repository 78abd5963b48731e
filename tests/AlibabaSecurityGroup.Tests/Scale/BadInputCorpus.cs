using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// Generated malformed values for the id parameters and -Region: empty and whitespace, wrong and missing prefixes,
    /// ids of another kind, over-long values, control characters, Unicode look-alikes and invisible characters, SQL and
    /// shell metacharacters, upper case, surrogates, and null. Deterministic (seeded). Every value is checked against an
    /// oracle written independently of the module's validator, so a generator slip can never smuggle in a valid id.
    /// </summary>
    public static class BadInputCorpus
    {
        public static readonly string[] Prefixes = { "i-", "eni-", "sg-", "alb-", "ep-" };

        private const string Body = "abcdefghijklmnopqrstuvwxyz0123456789";

        private static readonly string[] Whitespace =
        {
            "", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u00a0", "\u1680", "\u2000", "\u2003", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
        };

        /// <summary>Characters that look like (or hide next to) the ones ids are made of.</summary>
        private static readonly string[] LookAlikes =
        {
            "\u0430", "\u0435", "\u043e", "\u0440", "\u0441", "\u0445", "\u0456", "\u0458", "\u0455", "\u0501", // Cyrillic a e o p c x i j s d
            "\u03bf", "\u03b1", "\u03bd", "\u03b9", "\u03c1", "\u03ba",                                     // Greek o a v i r k
            "\uff41", "\uff45", "\uff10", "\uff11", "\uff49", "\uff0d",                                     // fullwidth a e 0 1 i -
            "\u0131", "\u0130", "\u212a", "\u017f", "\ufb01", "\u2170", "\u2010", "\u2011", "\u2212", "\u00ad", // dotless i, I-dot, Kelvin K, long s, fi, roman i, hyphens, minus, soft hyphen
            "e\u0301", "\u0301", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u061c", // combining, zero-width, BOM, bidi overrides
            "\U0001d41a", "\U0001f600", "\ud800", "\udfff",                                                  // math bold a, emoji, lone surrogates
        };

        private static readonly string[] Metacharacters =
        {
            "'", "\"", ";", "--", "/*", "*/", "' OR '1'='1", "'; DROP TABLE instances;--", "\" OR \"\"=\"", "1=1", "%",
            "$(rm -rf /)", "`id`", "| cat /etc/passwd", "&& whoami", "|| true", "> /dev/null", "< /etc/shadow", "${IFS}", "$HOME",
            "%00", "%0a", "%2e%2e%2f", "../", "..\\", "\\", "/", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}",
            "*", "?", "[a]", "{}", "~", "!", "#", "@", "^", "=", "+", ",", ".", ":", "&", "|", "(", ")", "-", "_",
        };

        private static readonly string[] Controls = Enumerable.Range(0, 32).Select(c => ((char)c).ToString())
            .Concat(new[] { "\u007f", "\u0080", "\u0085", "\u009f" }).ToArray();

        /// <summary>The independent oracle: an id is a lower-case prefix, then 1+ of [a-z0-9], 64 characters at most.</summary>
        public static bool IsValidId(string value, string prefix) =>
            value != null && value.Length <= 64 && Regex.IsMatch(value, "^" + Regex.Escape(prefix) + "[a-z0-9]+$", RegexOptions.CultureInvariant) &&
            value.All(c => c < 128);

        /// <summary>The oracle for regions: lower-case words of [a-z0-9] joined by single hyphens' worth of rule, 2 to 40 characters.</summary>
        public static bool IsValidRegion(string value) =>
            value != null && value.Length >= 2 && value.Length <= 40 && value.All(c => c < 128) &&
            Regex.IsMatch(value, "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant);

        /// <summary>At least <paramref name="count"/> distinct malformed values for an id with <paramref name="prefix"/>; the first is null.</summary>
        public static IReadOnlyList<string> Ids(string prefix, int count, int seed)
        {
            var random = new Random(seed);
            var values = new List<string> { null };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string v)
            {
                if (v != null && !IsValidId(v, prefix) && seen.Add(v)) values.Add(v);
            }
            string Valid(int min = 1, int max = 24)
            {
                var sb = new StringBuilder(prefix);
                int n = random.Next(min, max + 1);
                for (int i = 0; i < n; i++) sb.Append(Body[random.Next(Body.Length)]);
                return sb.ToString();
            }
            string Insert(string into, string what) { int at = random.Next(prefix.Length, into.Length + 1); return into.Insert(at, what); }
            string Replace(string into, string with) { int at = random.Next(prefix.Length, into.Length); return into.Remove(at, 1).Insert(at, with); }

            // Fixed shapes first.
            foreach (var w in Whitespace) Add(w);
            Add(prefix);
            Add(prefix.ToUpperInvariant() + "bp1abc");
            Add(prefix.TrimEnd('-') + "bp1abc");
            Add(prefix.TrimEnd('-') + "_bp1abc");
            Add(prefix + "-bp1abc");
            Add("-" + prefix + "bp1abc");
            foreach (var other in Prefixes.Where(p => p != prefix)) { Add(other + "bp1abc123"); Add(other); }
            Add(prefix + new string('a', 63));
            Add(prefix + new string('7', 1000));

            while (values.Count < count)
            {
                string v = Valid();
                switch (random.Next(12))
                {
                    case 0: Add(Whitespace[random.Next(Whitespace.Length)] + v); Add(v + Whitespace[random.Next(Whitespace.Length)]); break;
                    case 1: Add(Insert(v, Whitespace[1 + random.Next(Whitespace.Length - 1)])); break;
                    case 2: Add(Insert(v, Controls[random.Next(Controls.Length)])); break;
                    case 3: Add(Replace(v, LookAlikes[random.Next(LookAlikes.Length)])); break;
                    case 4: Add(LookAlikes[random.Next(LookAlikes.Length)] + v.Substring(1)); break;         // the prefix itself faked
                    case 5: Add(v + Metacharacters[random.Next(Metacharacters.Length)]); break;
                    case 6: Add(Insert(v, Metacharacters[random.Next(Metacharacters.Length)])); break;
                    case 7: Add(prefix + new string(Body[random.Next(Body.Length)], 1) + Valid(64 - prefix.Length, 300).Substring(prefix.Length)); break; // over-long
                    case 8: Add(Replace(v, ((char)('A' + random.Next(26))).ToString())); break;               // upper case
                    case 9: Add(Prefixes[random.Next(Prefixes.Length)] + v.Substring(prefix.Length) + Metacharacters[random.Next(Metacharacters.Length)]); break;
                    case 10: Add(v.Substring(prefix.Length)); Add(v.Substring(prefix.Length - 1)); break;     // prefix missing or cut
                    default: Add(Insert(Insert(v, LookAlikes[random.Next(LookAlikes.Length)]), Controls[random.Next(Controls.Length)])); break;
                }
            }
            return values;
        }

        /// <summary>At least <paramref name="count"/> distinct malformed regions (null is not one: it means "the default").</summary>
        public static IReadOnlyList<string> Regions(int count, int seed)
        {
            var random = new Random(seed);
            var values = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string v)
            {
                if (v != null && !IsValidRegion(v) && seen.Add(v)) values.Add(v);
            }
            string[] real = { "cn-hangzhou", "cn-shanghai", "ap-southeast-1", "us-west-1", "eu-central-1", "cn-beijing", "me-east-1" };
            foreach (var w in Whitespace) Add(w);
            foreach (var r in real) { Add(r.ToUpperInvariant()); Add(r.Replace('-', '_')); Add(r.Replace('-', ' ')); Add("-" + r); Add(r + "-"); Add(r + ".evil.example"); Add(r + "/"); }
            Add("a");
            Add(new string('a', 41));
            while (values.Count < count)
            {
                string r = real[random.Next(real.Length)];
                int at = random.Next(r.Length + 1);
                switch (random.Next(7))
                {
                    case 0: Add(r.Insert(at, Controls[random.Next(Controls.Length)])); break;
                    case 1: Add(r.Insert(at, LookAlikes[random.Next(LookAlikes.Length)])); break;
                    case 2: Add(r.Insert(at, Metacharacters[random.Next(Metacharacters.Length)])); break;
                    case 3: Add(r.Insert(at, Whitespace[1 + random.Next(Whitespace.Length - 1)])); break;
                    case 4: Add(r + "-" + new string('x', 30 + random.Next(200))); break;
                    case 5: Add(r.Remove(at == r.Length ? at - 1 : at, 1).Insert(at == r.Length ? at - 1 : at, ((char)('A' + random.Next(26))).ToString())); break;
                    default: Add(Whitespace[random.Next(Whitespace.Length)] + r + Metacharacters[random.Next(Metacharacters.Length)]); break;
                }
            }
            return values;
        }

        /// <summary>
        /// At least <paramref name="count"/> malformed -SecurityGroupId lists for ALB: null, empty, five or more groups,
        /// duplicates, nulls inside, and 1-4 groups of which one is malformed.
        /// </summary>
        public static IReadOnlyList<string[]> GroupLists(int count, int seed)
        {
            var random = new Random(seed);
            var bad = Ids("sg-", count, seed + 1);
            var lists = new List<string[]> { null, new string[0], new string[] { null }, new[] { "sg-bp1a", null },
                new[] { "sg-bp1a", "sg-bp1a" }, new[] { "sg-bp1a", "sg-bp1b", "sg-bp1c", "sg-bp1a" },
                Enumerable.Range(1, 5).Select(i => "sg-bp1x" + i).ToArray(), Enumerable.Range(1, 40).Select(i => "sg-bp1y" + i).ToArray() };
            for (int i = 0; lists.Count < count; i++)
            {
                int n = 1 + random.Next(4);
                var list = Enumerable.Range(0, n).Select(k => "sg-bp1ok" + k).ToArray();
                list[random.Next(n)] = bad[i % bad.Count];
                lists.Add(list);
            }
            return lists;
        }
    }
}
