using System.Threading;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine
{
    public sealed partial class RemovalEngine
    {
        /// <summary>Opens the session (see <see cref="SessionHost.Open"/>) and an engine over it.</summary>
        public static RemovalEngine Open(ClientOptions options, EngineSettings settings, IEngineSink sink,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var host = SessionHost.Open(options, sink, cancellationToken);
            return new RemovalEngine(host, settings, sink);
        }
    }
}
