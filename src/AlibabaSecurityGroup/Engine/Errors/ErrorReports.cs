using System;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine.Errors
{
    /// <summary>Turns whatever went wrong with one item into the error record users see.</summary>
    public static class ErrorReports
    {
        /// <param name="subject">What was being done, e.g. "Remove from security group sg-1 on i-2".</param>
        public static EngineError From(Exception exception, string subject, object targetObject)
        {
            switch (exception)
            {
                case RemovalFailure failure:
                    return new EngineError(failure.Code, failure.Category,
                        failure.Category == EngineErrorCategory.InvalidArgument ? failure.Message : subject + " failed: " + failure.Message,
                        targetObject, failure, failure.RecommendedAction);
                case AlibabaCloudException service:
                    return new EngineError(service.Code ?? service.Kind.ToString(), ErrorClassifier.Categorize(service),
                        subject + " failed: " + service.Message, targetObject, service, Recommendation(service));
                default:
                    return new EngineError(ErrorCodes.UnexpectedError, EngineErrorCategory.NotSpecified,
                        subject + " failed unexpectedly: " + exception.GetType().Name + ": " + exception.Message,
                        targetObject, exception);
            }
        }

        private static string Recommendation(AlibabaCloudException e)
        {
            if (!string.IsNullOrEmpty(e.Recommend)) return e.Recommend;
            if (e.Kind == ErrorKind.Transport || e.Kind == ErrorKind.Timeout)
                return "No answer came back; the change may or may not have been applied. Check the resource, then run again.";
            return null;
        }
    }
}
