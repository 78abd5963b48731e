using System;

namespace AlibabaSecurityGroup.Engine.Sink
{
    /// <summary>
    /// The engine's view of an error record, free of System.Management.Automation so xunit can inspect it.
    /// The cmdlet turns it into an ErrorRecord: ErrorId stays the service's code, the category maps by name.
    /// </summary>
    public sealed class EngineError
    {
        public EngineError(string errorId, EngineErrorCategory category, string message, object targetObject,
            Exception exception = null, string recommendedAction = null)
        {
            ErrorId = errorId;
            Category = category;
            Message = message;
            TargetObject = targetObject;
            Exception = exception;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }
        public EngineErrorCategory Category { get; }
        public string Message { get; }
        public object TargetObject { get; }
        public Exception Exception { get; }
        public string RecommendedAction { get; }

        public override string ToString() => ErrorId + " (" + Category + "): " + Message;
    }

    /// <summary>
    /// The subset of System.Management.Automation.ErrorCategory the module uses, with identical names
    /// (a contract test checks every name exists there, so the cmdlet can map by name).
    /// </summary>
    public enum EngineErrorCategory
    {
        NotSpecified,
        InvalidArgument,
        InvalidOperation,
        ObjectNotFound,
        PermissionDenied,
        AuthenticationError,
        LimitsExceeded,
        OperationTimeout,
        OperationStopped,
        ConnectionError,
        ResourceUnavailable,
        InvalidResult,
        InvalidData,
    }
}
