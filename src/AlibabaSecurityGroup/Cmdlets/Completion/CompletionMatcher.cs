using System;
using System.Collections.Generic;
using System.Linq;

namespace AlibabaSecurityGroup.Cmdlets.Completion
{
    /// <summary>The candidates that complete what has been typed so far (quotes stripped, case-insensitive prefix).</summary>
    public static class CompletionMatcher
    {
        public static IReadOnlyList<string> Match(IEnumerable<string> candidates, string wordToComplete)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return candidates
                .Where(c => !string.IsNullOrEmpty(c) && c.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(c => c, StringComparer.Ordinal)
                .ToList();
        }
    }
}
