using System;
using System.Collections.Generic;
using System.Globalization;
using AlibabaSecurityGroup.Core.Errors;

namespace AlibabaSecurityGroup.Core.Endpoints
{
    /// <summary>
    /// Where each product's calls go. Highest precedence first:
    /// <list type="number">
    /// <item>the per-call <c>Endpoint</c> option (ECS, ALB, PrivateLink; not STS);</item>
    /// <item><c>ALIBABA_CLOUD_ENDPOINT_ECS</c> / <c>_ALB</c> / <c>_PRIVATELINK</c> / <c>_STS</c> (one product);</item>
    /// <item><c>ALIBABA_CLOUD_ENDPOINT</c> (ECS, ALB, PrivateLink; not STS);</item>
    /// <item>the table: <c>ecs.&lt;region&gt;.aliyuncs.com</c> (<c>ecs-vpc.</c> with the VPC option), likewise <c>alb</c> and
    /// <c>privatelink</c>; STS <c>sts.aliyuncs.com</c>, <c>sts.&lt;region&gt;.aliyuncs.com</c> when an STS region is
    /// given, <c>sts-vpc.&lt;region&gt;.aliyuncs.com</c> with the VPC option.</item>
    /// </list>
    /// Overrides are validated when the resolver is built, so a malformed one fails before anything is sent.
    /// </summary>
    public sealed class EndpointResolver
    {
        public const string Domain = "aliyuncs.com";

        private readonly Dictionary<Product, Override> _overrides = new Dictionary<Product, Override>();

        public EndpointResolver(IEnvironment environment, string endpointOption, bool useVpcEndpoint, string stsRegionId = null)
        {
            environment = environment ?? SystemEnvironment.Instance;
            UseVpcEndpoint = useVpcEndpoint;

            Override perCall = null, generic = null;
            if (!string.IsNullOrWhiteSpace(endpointOption))
                perCall = new Override(EndpointOverride.Parse(endpointOption, "the Endpoint parameter"), "the Endpoint parameter");
            string genericValue = environment.GetVariable(EnvironmentVariables.Endpoint);
            if (!string.IsNullOrWhiteSpace(genericValue))
            {
                string origin = "environment variable " + EnvironmentVariables.Endpoint;
                generic = new Override(EndpointOverride.Parse(genericValue, origin), origin);
            }

            foreach (Product product in new[] { Product.Ecs, Product.Alb, Product.PrivateLink, Product.Sts })
            {
                string name = EnvironmentVariables.EndpointPrefix + ProductInfo.Code(product).ToUpperInvariant();
                string value = environment.GetVariable(name);
                Override specific = null;
                if (!string.IsNullOrWhiteSpace(value))
                    specific = new Override(EndpointOverride.Parse(value, "environment variable " + name), "environment variable " + name);

                Override chosen = product == Product.Sts ? specific : (perCall ?? specific ?? generic);
                if (chosen != null) _overrides[product] = chosen;
            }

            string stsRegion = string.IsNullOrWhiteSpace(stsRegionId) ? environment.GetVariable(EnvironmentVariables.StsRegion) : stsRegionId;
            if (!string.IsNullOrWhiteSpace(stsRegion))
            {
                stsRegion = stsRegion.Trim();
                ValidateRegion(stsRegion, "the STS region");
                StsRegionId = stsRegion;
            }
        }

        public bool UseVpcEndpoint { get; }

        /// <summary>The region of the STS endpoint when one was configured (profile <c>sts_region</c> or ALIBABA_CLOUD_STS_REGION).</summary>
        public string StsRegionId { get; }

        /// <summary>The endpoint (scheme, host, port; no path) for <paramref name="product"/> in <paramref name="regionId"/>.</summary>
        public Uri Resolve(Product product, string regionId) => Resolve(product, regionId, out _);

        public Uri Resolve(Product product, string regionId, out string source)
        {
            if (_overrides.TryGetValue(product, out var o))
            {
                source = o.Origin;
                return o.Uri;
            }

            if (product == Product.Sts) return ResolveSts(null, regionId, out source);

            string code = ProductInfo.Code(product);
            if (string.IsNullOrWhiteSpace(regionId))
                throw new AlibabaCloudException(ErrorKind.Configuration, "MissingRegion",
                    "No region is known for the " + Name(product) + " endpoint. Pass -RegionId, or set ALIBABA_CLOUD_REGION_ID, or set region_id in the profile.");
            ValidateRegion(regionId, "the region");
            source = UseVpcEndpoint ? "the VPC endpoint table" : "the public endpoint table";
            return Https(code + (UseVpcEndpoint ? "-vpc." : ".") + regionId.Trim().ToLowerInvariant() + "." + Domain);
        }

        /// <summary>
        /// The STS endpoint: the ALIBABA_CLOUD_ENDPOINT_STS override, else <c>sts.&lt;r&gt;.aliyuncs.com</c> for the STS region
        /// (<paramref name="stsRegionId"/> from a profile's <c>sts_region</c>, else ALIBABA_CLOUD_STS_REGION), else
        /// <c>sts-vpc.&lt;region&gt;.aliyuncs.com</c> with the VPC option, else the global <c>sts.aliyuncs.com</c>.
        /// </summary>
        public Uri ResolveSts(string stsRegionId, string regionId, out string source)
        {
            if (_overrides.TryGetValue(Product.Sts, out var o))
            {
                source = o.Origin;
                return o.Uri;
            }
            string stsRegion = string.IsNullOrWhiteSpace(stsRegionId) ? StsRegionId : stsRegionId.Trim();
            if (UseVpcEndpoint && string.IsNullOrEmpty(stsRegion)) stsRegion = string.IsNullOrWhiteSpace(regionId) ? null : regionId.Trim();
            if (string.IsNullOrEmpty(stsRegion))
            {
                source = "the global STS endpoint";
                return Https("sts." + Domain);
            }
            ValidateRegion(stsRegion, "the STS endpoint");
            source = UseVpcEndpoint ? "the VPC STS endpoint of the region" : "the regional STS endpoint";
            return Https((UseVpcEndpoint ? "sts-vpc." : "sts.") + stsRegion.ToLowerInvariant() + "." + Domain);
        }

        /// <summary>True when a region id can be part of a host name (letters, digits, inner hyphens).</summary>
        public static bool IsValidRegionId(string regionId)
        {
            if (string.IsNullOrEmpty(regionId) || regionId.Length > 63) return false;
            if (regionId[0] == '-' || regionId[regionId.Length - 1] == '-') return false;
            foreach (char c in regionId)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
            }
            return true;
        }

        internal static void ValidateRegion(string regionId, string what)
        {
            if (!IsValidRegionId(regionId))
                throw new AlibabaCloudException(ErrorKind.Configuration, "InvalidRegion",
                    string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid region id for {1} (expected something like cn-hangzhou).", regionId, what));
        }

        private static string Name(Product product)
        {
            switch (product)
            {
                case Product.Ecs: return "ECS";
                case Product.Alb: return "ALB";
                case Product.PrivateLink: return "PrivateLink";
                default: return "STS";
            }
        }

        private static Uri Https(string host) => new Uri("https://" + host + "/", UriKind.Absolute);

        private sealed class Override
        {
            public Override(Uri uri, string origin) { Uri = uri; Origin = origin; }
            public Uri Uri { get; }
            public string Origin { get; }
        }
    }
}
