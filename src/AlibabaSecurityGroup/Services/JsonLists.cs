using System.Collections.Generic;
using AlibabaSecurityGroup.Core.Json;

namespace AlibabaSecurityGroup.Services
{
    /// <summary>Small helpers for the shapes Alibaba responses use for lists of ids.</summary>
    internal static class JsonLists
    {
        /// <summary>Strings of a list that is either a plain array or wrapped as <c>{"Name": [...]}</c>.</summary>
        public static string[] Strings(JsonValue list)
        {
            if (list == null) return new string[0];
            var items = list.AsList();
            var result = new List<string>(items.Count);
            foreach (var item in items)
            {
                var text = item.AsString();
                if (text != null) result.Add(text);
            }
            return result.ToArray();
        }

        /// <summary>A JSON array string, the form ECS takes for <c>InstanceIds</c> and <c>SecurityGroupIds</c>.</summary>
        public static string ArrayParameter(IEnumerable<string> values)
        {
            var parts = new List<string>();
            foreach (var v in values) parts.Add(JsonText.Quote(v));
            return "[" + string.Join(",", parts) + "]";
        }
    }
}
