using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine.Scheduling;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine
{
    public sealed partial class RemovalEngine
    {
        /// <summary>
        /// Resolves credentials, region and endpoints and fetches temporary credentials, on the pipeline thread,
        /// before any item. Throws AlibabaCloudException (kind Configuration, or the STS/metadata failure) when
        /// nothing could succeed: the cmdlet turns that into one terminating error.
        /// </summary>
        public static RemovalEngine Open(ClientOptions options, EngineSettings settings, IEngineSink sink,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var mailbox = new Mailbox();
            options.Log = new MailboxCoreLog(mailbox, sink);
            try
            {
                var session = ServiceSession.Open(options, message => mailbox.Post(() => sink.WriteVerbose(message)));
                sink.WriteDebug("Credentials: " + session.Configuration.CredentialSource);
                sink.WriteDebug("Region: " + session.Configuration.RegionId + " (" + session.Configuration.RegionSource + ")");
                Task.Run(() => session.EnsureCredentialsAsync(cancellationToken), cancellationToken).GetAwaiter().GetResult();
                mailbox.RunPending();
                return new RemovalEngine(session, settings, sink, mailbox);
            }
            catch
            {
                mailbox.RunPending();
                mailbox.Dispose();
                throw;
            }
        }
    }
}
