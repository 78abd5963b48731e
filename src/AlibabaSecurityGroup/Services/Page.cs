using System.Collections.Generic;

namespace AlibabaSecurityGroup.Services
{
    /// <summary>One page of a NextToken-paged list. <see cref="NextToken"/> is null on the last page.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string nextToken)
        {
            Items = items;
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken;
        }

        public IReadOnlyList<T> Items { get; }
        public string NextToken { get; }
    }
}
