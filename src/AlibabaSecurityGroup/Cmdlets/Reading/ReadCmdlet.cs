using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Cmdlets.Common;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Reading;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Engine.Validation;

namespace AlibabaSecurityGroup.Cmdlets.Reading
{
    /// <summary>
    /// The shell of the Get- cmdlets: for each id given (or piped), validate it, read through the
    /// <see cref="MembershipReader"/>, write the objects. An error about one id is non-terminating.
    /// </summary>
    public abstract class ReadCmdlet : AlibabaCloudCmdlet, IDiagnosticSink, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private SessionHost _host;

        protected abstract IdKind IdKind { get; }
        protected abstract IEnumerable<string> Ids { get; }
        protected abstract string Describe(string id);
        protected abstract Task<IReadOnlyList<object>> ReadAsync(MembershipReader reader, string regionId, string id, CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            if (_host == null) _host = OpenHost();
            var regionProblem = RegionRules.Problem(Region);
            string region = Region ?? _host.Session.DefaultRegionId;
            var reader = new MembershipReader(_host.Session);
            foreach (var id in Ids ?? new string[0])
            {
                var problem = regionProblem ?? IdRules.Problem(id, IdKind);
                if (problem != null)
                {
                    WriteEngineError(ErrorReports.From(problem, Describe(id), id));
                    continue;
                }
                try
                {
                    foreach (var item in _host.Run(ct => ReadAsync(reader, region, id, ct), _stop.Token)) WriteObject(item);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is AlibabaCloudException || e is RemovalFailure)
                {
                    WriteEngineError(ErrorReports.From(e, Describe(id), id));
                }
            }
        }

        protected override void EndProcessing() => _host?.Dispose();

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Cancel();
            _host?.Dispose();
            _host = null;
        }

        void IDiagnosticSink.WriteVerbose(string message) => WriteVerbose(message);
        void IDiagnosticSink.WriteDebug(string message) => WriteDebug(message);

        private void WriteEngineError(EngineError error) => new CmdletSink(this).WriteError(error);

        private SessionHost OpenHost()
        {
            try
            {
                return SessionHost.Open(BuildClientOptions(Region), this, _stop.Token);
            }
            catch (AlibabaCloudException e)
            {
                ThrowConfigurationError(e);
                throw;
            }
        }
    }
}
