using System.Threading;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine
{
    public sealed partial class RemovalEngine
    {
        /// <summary>
        /// Opens the session (see <see cref="SessionHost.Open"/>) and an engine over it. Unless the caller chose a gate,
        /// the run's calls share an <see cref="AdaptiveRateLimiter"/>: a bulk run learns the service's rate limit and
        /// paces itself at it instead of hammering it.
        /// </summary>
        public static RemovalEngine Open(ClientOptions options, EngineSettings settings, IEngineSink sink,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            if (options != null && options.ThrottleGate == null)
            {
                options = options.Clone();
                options.ThrottleGate = new AdaptiveRateLimiter(options.Clock);
            }
            var host = SessionHost.Open(options, sink, cancellationToken);
            return new RemovalEngine(host, settings, sink);
        }
    }
}
