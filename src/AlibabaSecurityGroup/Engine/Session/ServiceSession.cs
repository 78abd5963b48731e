using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Services.Alb;
using AlibabaSecurityGroup.Services.Ecs;
using AlibabaSecurityGroup.Services.PrivateLink;

namespace AlibabaSecurityGroup.Engine.Session
{
    /// <summary>
    /// Everything one cmdlet invocation needs to talk to the service: the resolved configuration (credentials,
    /// region, endpoints), one core client (so one shared throttle back-off), and the typed product clients.
    /// Opening it resolves configuration and throws AlibabaCloudException(Configuration) when nothing can work.
    /// </summary>
    public sealed class ServiceSession
    {
        private ServiceSession(ResolvedConfiguration configuration, OpenApiClient core, CallLoggingClient api)
        {
            Configuration = configuration;
            Core = core;
            Api = api;
            Ecs = new EcsClient(api);
            Alb = new AlbClient(api);
            PrivateLink = new PrivateLinkClient(api);
        }

        public ResolvedConfiguration Configuration { get; }
        public string DefaultRegionId => Configuration.RegionId;
        public OpenApiClient Core { get; }
        public IOpenApiClient Api { get; }
        public EcsClient Ecs { get; }
        public AlbClient Alb { get; }
        public PrivateLinkClient PrivateLink { get; }
        public CallStatistics Statistics => ((CallLoggingClient)Api).Statistics;

        /// <param name="options">The caller's options; <see cref="ClientOptions.Log"/> should already point at its sink.</param>
        /// <param name="verbose">Where the per-call Verbose line goes (any thread).</param>
        public static ServiceSession Open(ClientOptions options, Action<string> verbose)
        {
            var configuration = ClientConfiguration.Resolve(options);
            var core = new OpenApiClient(configuration, options);
            var api = new CallLoggingClient(core, verbose, request => HostOf(core, request), new CallStatistics());
            return new ServiceSession(configuration, core, api);
        }

        /// <summary>Fetches temporary credentials now (STS, instance metadata) so a failure is reported once, up front.</summary>
        public Task EnsureCredentialsAsync(CancellationToken cancellationToken) => Core.EnsureCredentialsAsync(cancellationToken);

        private static string HostOf(OpenApiClient core, OpenApiRequest request)
        {
            try { return (request.RegionId == null ? core.EndpointFor(request.Product) : core.EndpointFor(request.Product, request.RegionId)).Authority; }
            catch (Exception) { return null; }
        }
    }
}
