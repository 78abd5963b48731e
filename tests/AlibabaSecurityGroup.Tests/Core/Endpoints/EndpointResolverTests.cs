using System;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Endpoints
{
    public class EndpointResolverTests
    {
        private static string Url(EndpointResolver r, Product p, string region = "cn-hangzhou") => r.Resolve(p, region).ToString();

        [Theory]
        [InlineData(Product.Ecs, false, "https://ecs.cn-hangzhou.aliyuncs.com/")]
        [InlineData(Product.Ecs, true, "https://ecs-vpc.cn-hangzhou.aliyuncs.com/")]
        [InlineData(Product.Alb, false, "https://alb.cn-hangzhou.aliyuncs.com/")]
        [InlineData(Product.Alb, true, "https://alb-vpc.cn-hangzhou.aliyuncs.com/")]
        [InlineData(Product.PrivateLink, false, "https://privatelink.cn-hangzhou.aliyuncs.com/")]
        [InlineData(Product.PrivateLink, true, "https://privatelink-vpc.cn-hangzhou.aliyuncs.com/")]
        [InlineData(Product.Sts, false, "https://sts.aliyuncs.com/")]
        [InlineData(Product.Sts, true, "https://sts-vpc.cn-hangzhou.aliyuncs.com/")]
        public void Table_gives_public_and_vpc_hosts(Product product, bool vpc, string expected)
        {
            using var env = new TestEnvironment();
            Assert.Equal(expected, Url(new EndpointResolver(env, null, vpc), product));
        }

        [Fact]
        public void Sts_region_gives_the_regional_sts_endpoint()
        {
            using var env = new TestEnvironment();
            env.Set(EnvironmentVariables.StsRegion, "ap-southeast-1");
            Assert.Equal("https://sts.ap-southeast-1.aliyuncs.com/", Url(new EndpointResolver(env, null, false), Product.Sts));
            // A profile's sts_region wins over the variable.
            var uri = new EndpointResolver(env, null, false).ResolveSts("cn-beijing", "cn-hangzhou", out _);
            Assert.Equal("https://sts.cn-beijing.aliyuncs.com/", uri.ToString());
        }

        [Fact]
        public void Region_is_lower_cased_and_a_missing_region_is_a_configuration_error()
        {
            using var env = new TestEnvironment();
            var r = new EndpointResolver(env, null, false);
            Assert.Equal("https://ecs.cn-shanghai.aliyuncs.com/", Url(r, Product.Ecs, "CN-Shanghai"));
            var e = Assert.Throws<AlibabaCloudException>(() => r.Resolve(Product.Alb, null));
            Assert.Equal(ErrorKind.Configuration, e.Kind);
            Assert.Equal("MissingRegion", e.Code);
        }

        [Theory]
        [InlineData("cn hangzhou")]
        [InlineData("cn-hangzhou.evil.com/x")]
        [InlineData("-cn")]
        public void Malformed_region_is_refused(string region)
        {
            using var env = new TestEnvironment();
            var e = Assert.Throws<AlibabaCloudException>(() => new EndpointResolver(env, null, false).Resolve(Product.Ecs, region));
            Assert.Equal("InvalidRegion", e.Code);
        }

        [Fact]
        public void Precedence_is_per_call_then_product_variable_then_generic_variable_then_table()
        {
            using var env = new TestEnvironment();
            env.Set("ALIBABA_CLOUD_ENDPOINT", "generic.example.com");
            env.Set("ALIBABA_CLOUD_ENDPOINT_ALB", "alb.example.com");

            var noCall = new EndpointResolver(env, null, false);
            Assert.Equal("https://generic.example.com/", Url(noCall, Product.Ecs));
            Assert.Equal("https://alb.example.com/", Url(noCall, Product.Alb));
            Assert.Equal("https://generic.example.com/", Url(noCall, Product.PrivateLink));
            Assert.Equal("https://sts.aliyuncs.com/", Url(noCall, Product.Sts)); // the generic override is not for STS

            var perCall = new EndpointResolver(env, "http://127.0.0.1:8080", false);
            Assert.Equal("http://127.0.0.1:8080/", Url(perCall, Product.Ecs));
            Assert.Equal("http://127.0.0.1:8080/", Url(perCall, Product.Alb));
            Assert.Equal("http://127.0.0.1:8080/", Url(perCall, Product.PrivateLink));
            Assert.Equal("https://sts.aliyuncs.com/", Url(perCall, Product.Sts)); // nor the per-call one

            perCall.Resolve(Product.Ecs, "cn-hangzhou", out var source);
            Assert.Equal("the Endpoint parameter", source);
            noCall.Resolve(Product.Alb, "cn-hangzhou", out source);
            Assert.Equal("environment variable ALIBABA_CLOUD_ENDPOINT_ALB", source);
        }

        [Fact]
        public void Sts_has_its_own_variable()
        {
            using var env = new TestEnvironment();
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", "http://127.0.0.1:9999");
            Assert.Equal("http://127.0.0.1:9999/", Url(new EndpointResolver(env, null, false), Product.Sts));
            Assert.Equal("http://127.0.0.1:9999/", new EndpointResolver(env, null, true).ResolveSts("cn-beijing", "x", out _).ToString());
        }

        [Theory]
        [InlineData("ecs.example.com", "https://ecs.example.com/")]
        [InlineData("ecs.example.com/", "https://ecs.example.com/")]
        [InlineData("ecs.example.com:8443", "https://ecs.example.com:8443/")]
        [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
        [InlineData("HTTP://LocalHost:8080/", "http://localhost:8080/")]
        [InlineData("https://ecs.example.com", "https://ecs.example.com/")]
        [InlineData("https://ecs.example.com:443", "https://ecs.example.com/")]
        [InlineData("  http://[::1]:8080  ", "http://[::1]:8080/")]
        public void Valid_overrides(string value, string expected)
        {
            Assert.Equal(expected, EndpointOverride.Parse(value, "test").ToString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("ftp://ecs.example.com")]
        [InlineData("http://")]
        [InlineData("http:///path")]
        [InlineData("ecs example.com")]
        [InlineData("http://ecs.example.com/path")]
        [InlineData("http://ecs.example.com/?a=b")]
        [InlineData("ecs.example.com?x=1")]
        [InlineData("http://ecs.example.com#frag")]
        [InlineData("http://user:pw@ecs.example.com")]
        [InlineData("ecs.example.com:notaport")]
        [InlineData("http://ecs.example.com:")]
        [InlineData("http://ecs.example.com:99999")]
        [InlineData("ecs_example!.com")]
        public void Malformed_overrides_are_configuration_errors_naming_their_origin(string value)
        {
            var e = Assert.Throws<AlibabaCloudException>(() => EndpointOverride.Parse(value, "environment variable ALIBABA_CLOUD_ENDPOINT_ECS"));
            Assert.Equal(ErrorKind.Configuration, e.Kind);
            Assert.Equal("InvalidEndpoint", e.Code);
            Assert.Contains("environment variable ALIBABA_CLOUD_ENDPOINT_ECS", e.Message);
        }

        [Fact]
        public void A_malformed_variable_fails_when_the_resolver_is_built()
        {
            using var env = new TestEnvironment();
            env.Set("ALIBABA_CLOUD_ENDPOINT_PRIVATELINK", "gopher://x");
            var e = Assert.Throws<AlibabaCloudException>(() => new EndpointResolver(env, null, false));
            Assert.Equal("InvalidEndpoint", e.Code);
            Assert.Contains("ALIBABA_CLOUD_ENDPOINT_PRIVATELINK", e.Message);

            var perCall = Assert.Throws<AlibabaCloudException>(() => new EndpointResolver(new TestEnvironment(), "http://h/x", false));
            Assert.Contains("the Endpoint parameter", perCall.Message);
        }
    }
}
