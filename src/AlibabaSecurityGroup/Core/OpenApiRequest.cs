using System.Collections.Generic;
using AlibabaSecurityGroup.Core.Endpoints;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>
    /// One RPC-style OpenAPI call: product, action and its parameters. Lists are added already flattened
    /// (<c>SecurityGroupIds.1</c>, <c>SecurityGroupIds.2</c>) with <see cref="AddList"/>.
    /// </summary>
    public sealed class OpenApiRequest
    {
        private readonly List<KeyValuePair<string, string>> _parameters = new List<KeyValuePair<string, string>>();

        public OpenApiRequest(Product product, string action)
        {
            Product = product;
            Action = action;
            Version = ProductInfo.ApiVersion(product);
        }

        public Product Product { get; }
        public string Action { get; }
        public string Version { get; }

        /// <summary>The region whose endpoint serves this call (also sent as RegionId when the API takes it).</summary>
        public string RegionId { get; set; }

        /// <summary>
        /// True when the request carries DryRun=true. The retry policy never turns a dry run into a real call,
        /// and a <c>DryRunOperation</c> answer is reported as "dry run passed", not retried.
        /// </summary>
        public bool IsDryRun { get; private set; }

        public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

        public OpenApiRequest Add(string name, string value)
        {
            if (value != null) _parameters.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public OpenApiRequest AddList(string name, IEnumerable<string> values)
        {
            int i = 1;
            foreach (var v in values) _parameters.Add(new KeyValuePair<string, string>(name + "." + i++, v));
            return this;
        }

        public OpenApiRequest AddDryRun(bool dryRun)
        {
            IsDryRun = dryRun;
            if (dryRun) _parameters.Add(new KeyValuePair<string, string>("DryRun", "true"));
            return this;
        }

        /// <summary>Action and parameter names only: request parameters are ids, never secrets.</summary>
        public override string ToString() => Product + "." + Action;
    }
}
