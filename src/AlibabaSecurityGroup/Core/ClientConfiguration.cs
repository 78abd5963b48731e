using System;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Logging;

namespace AlibabaSecurityGroup.Core
{
    public static class ClientConfiguration
    {
        /// <summary>
        /// Resolves the credential source, the region and the endpoint overrides. Sends nothing, except: temporary
        /// credentials are fetched lazily (on the first call, or by <see cref="OpenApiClient.EnsureCredentialsAsync"/>),
        /// and when no other credential source exists the ECS metadata service is probed (1 s at most, skipped with
        /// ALIBABA_CLOUD_ECS_METADATA_DISABLED=true). Throws <see cref="Errors.AlibabaCloudException"/>
        /// (<see cref="Errors.ErrorKind.Configuration"/>) with code <c>MissingCredentials</c>, <c>ProfileNotFound</c>,
        /// <c>InvalidProfile</c>, <c>MissingRegion</c>, <c>InvalidRegion</c> or <c>InvalidEndpoint</c>.
        /// </summary>
        public static ResolvedConfiguration Resolve(ClientOptions options)
        {
            options = options ?? new ClientOptions();
            var environment = options.Environment ?? SystemEnvironment.Instance;
            var log = RedactingCoreLog.Wrap(options.Log);

            // Endpoint overrides first: they are pure checks and a typo there should not cost a credential lookup.
            var endpoints = new EndpointResolver(environment, options.Endpoint, options.UseVpcEndpoint);

            var chain = new CredentialChain(options, environment, log);
            var choice = chain.ChooseCredentials();
            string regionId = chain.ResolveRegion(choice, out string regionSource);
            EndpointResolver.ValidateRegion(regionId, regionSource);

            var transport = new TransportSettings(options.ConnectTimeout, options.ReadTimeout);
            var provider = chain.Build(choice, regionId, endpoints, transport);

            log.Debug("Credentials: " + provider.Description);
            log.Debug("Region: " + regionId + " (from " + regionSource + ")");
            return new ResolvedConfiguration(regionId, provider.Description, regionSource, provider, endpoints, choice.Profile?.Name);
        }
    }
}
