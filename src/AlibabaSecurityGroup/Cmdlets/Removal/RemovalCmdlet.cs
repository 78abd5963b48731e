using System;
using System.Management.Automation;
using AlibabaSecurityGroup.Cmdlets.Common;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine;

namespace AlibabaSecurityGroup.Cmdlets.Removal
{
    /// <summary>
    /// The thin shell every removal cmdlet shares: it turns bound parameters into a <see cref="RemovalOperation"/>
    /// and hands it to the engine, which does everything else. No HTTP, retry or waiting here.
    /// </summary>
    public abstract class RemovalCmdlet : AlibabaCloudCmdlet, IDisposable
    {
        private RemovalEngine _engine;

        /// <summary>How many items may have calls in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = EngineSettings.DefaultThrottleLimit;

        /// <summary>Write one result object per input item.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// The pipeline object itself, whatever its shape: it becomes the TargetObject of an item's error record.
        /// Hidden: the id parameters are what people bind.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>The operation for the currently bound parameters.</summary>
        protected abstract RemovalOperation CreateOperation(object inputObject);

        protected virtual void ConfigureEngine(EngineSettings settings) { }

        protected override void ProcessRecord()
        {
            var operation = CreateOperation(InputObject ?? (object)DescribeBoundIds());
            if (_engine == null) _engine = OpenEngine(operation.RegionId);
            _engine.Submit(operation);
        }

        protected override void EndProcessing() => _engine?.Complete();

        protected override void StopProcessing() => _engine?.Stop();

        /// <summary>
        /// PowerShell disposes the cmdlet however the pipeline ends; when it ends early (-ErrorAction Stop, a
        /// downstream error), nothing of this run may keep calling the service.
        /// </summary>
        public void Dispose()
        {
            _engine?.Stop();
            _engine?.Dispose();
            _engine = null;
        }

        /// <summary>Without pipeline input, the error's target is the id given on the command line.</summary>
        protected abstract string DescribeBoundIds();

        private RemovalEngine OpenEngine(string firstItemRegion)
        {
            var settings = new EngineSettings { ThrottleLimit = ThrottleLimit, PassThru = PassThru.IsPresent };
            ConfigureEngine(settings);
            try
            {
                return RemovalEngine.Open(BuildClientOptions(firstItemRegion), settings, new CmdletSink(this));
            }
            catch (AlibabaCloudException e)
            {
                ThrowConfigurationError(e);
                throw; // not reached: ThrowTerminatingError throws
            }
        }
    }

    /// <summary>Removal cmdlets whose API starts an asynchronous job: they add -Wait and -TimeoutSec.</summary>
    public abstract class AsyncRemovalCmdlet : RemovalCmdlet
    {
        /// <summary>Wait until the service has finished the change (job Succeeded / group gone), with progress.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long each item may wait (for its job, or for its resource to be free). Default 300.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 300;

        protected override void ConfigureEngine(EngineSettings settings)
        {
            settings.Wait = Wait.IsPresent;
            settings.WaitTimeout = TimeSpan.FromSeconds(TimeoutSec);
        }
    }
}
