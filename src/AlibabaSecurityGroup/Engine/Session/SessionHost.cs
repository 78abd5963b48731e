using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine.Scheduling;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine.Session
{
    /// <summary>
    /// A <see cref="ServiceSession"/> bound to one command's pipeline thread: diagnostics written by background calls
    /// queue in a mailbox and reach the sink only when the pipeline thread pumps it. Removal runs and read
    /// commands both open one.
    /// </summary>
    public sealed class SessionHost : IDisposable
    {
        private SessionHost(ServiceSession session, Mailbox mailbox)
        {
            Session = session;
            Mailbox = mailbox;
        }

        public ServiceSession Session { get; }
        internal Mailbox Mailbox { get; }

        /// <summary>
        /// Resolves credentials, region and endpoints and fetches temporary credentials, before any item. Throws
        /// AlibabaCloudException (kind Configuration, or the STS/metadata failure) when nothing could succeed: the
        /// cmdlet turns that into one terminating error.
        /// </summary>
        public static SessionHost Open(ClientOptions options, IDiagnosticSink sink, CancellationToken cancellationToken = default(CancellationToken))
        {
            var mailbox = new Mailbox();
            options.Log = new MailboxCoreLog(mailbox, sink);
            try
            {
                var session = ServiceSession.Open(options, message => mailbox.Post(() => sink.WriteVerbose(message)));
                sink.WriteDebug("Credentials: " + session.Configuration.CredentialSource);
                sink.WriteDebug("Region: " + session.Configuration.RegionId + " (" + session.Configuration.RegionSource + ")");
                var host = new SessionHost(session, mailbox);
                host.Run(session.EnsureCredentialsAsync, cancellationToken);
                return host;
            }
            catch
            {
                mailbox.RunPending();
                mailbox.Dispose();
                throw;
            }
        }

        /// <summary>Runs <paramref name="work"/> in the background and waits on the pipeline thread, writing its diagnostics as they come.</summary>
        public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            var task = Task.Run(() => work(cancellationToken), cancellationToken);
            while (!task.IsCompleted) Mailbox.RunNext(TimeSpan.FromMilliseconds(50));
            Mailbox.RunPending();
            return task.GetAwaiter().GetResult();
        }

        public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
            Run(async ct => { await work(ct).ConfigureAwait(false); return true; }, cancellationToken);

        public void Dispose() => Mailbox.Close();
    }
}
