using System;
using System.Collections.Generic;
using System.Globalization;
using AlibabaSecurityGroup.Engine.Errors;

namespace AlibabaSecurityGroup.Engine.Validation
{
    /// <summary>
    /// Checks ids before anything is sent. Alibaba Cloud ids are a lower-case prefix and a run of lower-case
    /// letters and digits (i-bp67acfmxazb4p..., sg-..., eni-..., alb-..., ep-...). Anything else, including an id
    /// of the wrong kind, is an InvalidArgument error that says what was expected and where the id belongs.
    /// </summary>
    public static class IdRules
    {
        /// <summary>Real ids are about 20-25 characters; 64 leaves room while rejecting garbage.</summary>
        public const int MaxLength = 64;

        /// <summary>ALB takes at most four security groups per call (and a load balancer has at most four).</summary>
        public const int MaxAlbSecurityGroups = 4;

        private static readonly IdKind[] AllKinds =
            { IdKind.NetworkInterface, IdKind.Instance, IdKind.SecurityGroup, IdKind.LoadBalancer, IdKind.VpcEndpoint };

        public static void Check(string value, IdKind expected)
        {
            var problem = Problem(value, expected);
            if (problem != null) throw problem;
        }

        /// <summary>The error for <paramref name="value"/>, or null when it is a well-formed id of the expected kind.</summary>
        public static RemovalFailure Problem(string value, IdKind expected)
        {
            string parameter = "-" + IdKindInfo.ParameterName(expected);
            string prefix = IdKindInfo.Prefix(expected);
            if (value == null || value.Trim().Length == 0)
                return RemovalFailure.InvalidArgument(parameter + " is empty: expected " + IdKindInfo.Noun(expected) +
                    " such as '" + prefix + "bp67acfmxazb4p'.");

            string shown = Show(value);
            if (!value.StartsWith(prefix, StringComparison.Ordinal))
            {
                foreach (var other in AllKinds)
                {
                    if (other != expected && value.StartsWith(IdKindInfo.Prefix(other), StringComparison.Ordinal) && IsWellFormed(value, other))
                        return RemovalFailure.InvalidArgument(
                            "'" + shown + "' is " + IdKindInfo.Noun(other) + ", not " + IdKindInfo.Noun(expected) +
                            ": pass it to -" + IdKindInfo.ParameterName(other) + ".",
                            "Use -" + IdKindInfo.ParameterName(other) + " for " + IdKindInfo.Noun(other) + ".");
                }
                return RemovalFailure.InvalidArgument(parameter + " '" + shown + "' is not " + IdKindInfo.Noun(expected) +
                    ": it must start with '" + prefix + "'.");
            }
            if (value.Length > MaxLength)
                return RemovalFailure.InvalidArgument(parameter + " '" + shown + "' is too long (" +
                    value.Length.ToString(CultureInfo.InvariantCulture) + " characters; at most " +
                    MaxLength.ToString(CultureInfo.InvariantCulture) + ").");
            if (!IsWellFormed(value, expected))
                return RemovalFailure.InvalidArgument(parameter + " '" + shown + "' is malformed: after '" + prefix +
                    "' an id has only lower-case letters a-z and digits 0-9.");
            return null;
        }

        public static bool IsWellFormed(string value, IdKind kind)
        {
            string prefix = IdKindInfo.Prefix(kind);
            if (value == null || value.Length <= prefix.Length || value.Length > MaxLength) return false;
            if (!value.StartsWith(prefix, StringComparison.Ordinal)) return false;
            for (int i = prefix.Length; i < value.Length; i++)
            {
                char c = value[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
            }
            return true;
        }

        /// <summary>The ALB list rule: 1 to 4 distinct, well-formed security group ids.</summary>
        public static void CheckSecurityGroupList(IReadOnlyList<string> ids)
        {
            if (ids == null || ids.Count == 0)
                throw RemovalFailure.InvalidArgument("-SecurityGroupId is empty: give 1 to 4 security group ids.");
            if (ids.Count > MaxAlbSecurityGroups)
                throw RemovalFailure.InvalidArgument("-SecurityGroupId has " + ids.Count.ToString(CultureInfo.InvariantCulture) +
                    " security groups; LoadBalancerLeaveSecurityGroup takes at most " +
                    MaxAlbSecurityGroups.ToString(CultureInfo.InvariantCulture) + " per call.",
                    "Split the list into calls of at most four groups.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                Check(id, IdKind.SecurityGroup);
                if (!seen.Add(id))
                    throw RemovalFailure.InvalidArgument("-SecurityGroupId lists '" + id + "' more than once.");
            }
        }

        /// <summary>
        /// Makes control and invisible characters visible in messages (as \uXXXX), and shortens huge values. Escaped:
        /// controls, whitespace other than the space, format characters (bidi overrides, zero-width and soft hyphens,
        /// which could reorder or hide text in a terminal or a log) and unpaired surrogates.
        /// </summary>
        public static string Show(string value)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < value.Length; i++)
            {
                if (sb.Length > 80) { sb.Append("..."); break; }
                char c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append(c).Append(value[++i]);
                    continue;
                }
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category == UnicodeCategory.Control || category == UnicodeCategory.Format || category == UnicodeCategory.Surrogate
                    || category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator || (char.IsWhiteSpace(c) && c != ' '))
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
