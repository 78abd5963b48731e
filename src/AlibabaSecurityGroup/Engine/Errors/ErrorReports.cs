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
                    string hint = AuthenticationHint(service);
                    return new EngineError(service.Code ?? service.Kind.ToString(), ErrorClassifier.Categorize(service),
                        subject + " failed: " + service.Message + (hint == null ? "" : " " + hint), targetObject, service,
                        hint == null ? Recommendation(service) : hint + (string.IsNullOrEmpty(service.Recommend) ? "" : " See " + service.Recommend));
                default:
                    return new EngineError(ErrorCodes.UnexpectedError, EngineErrorCategory.NotSpecified,
                        subject + " failed unexpectedly: " + exception.GetType().Name + ": " + exception.Message,
                        targetObject, exception);
            }
        }

        /// <summary>
        /// True for an answer that says the run's credentials or clock are wrong: no retry and no other item can succeed
        /// until the user fixes them, so the engine stops calling the service for this run.
        /// </summary>
        public static bool IsRunFatal(AlibabaCloudException e) => e != null && e.Kind == ErrorKind.Service && AuthenticationHint(e) != null;

        /// <summary>What to do about an authentication failure, or null for any other error.</summary>
        public static string AuthenticationHint(AlibabaCloudException e)
        {
            if (e == null || e.Kind != ErrorKind.Service || e.Code == null) return null;
            string code = e.Code;
            if (code.StartsWith("InvalidTimeStamp", StringComparison.Ordinal))
                return "Hint: requests are signed with this computer's clock, and the service refuses a time more than 15 minutes " +
                       "away from its own. Synchronise the clock (Windows: w32tm /resync; Linux: timedatectl set-ntp true or " +
                       "chronyc makestep; macOS: sntp -sS time.apple.com) and check the time zone setting, then run again.";
            if (code == "InvalidSecurityToken.Expired")
                return "Hint: the STS security token has expired. Get new temporary credentials (AssumeRole, or refresh the " +
                       "StsToken profile or ALIBABA_CLOUD_SECURITY_TOKEN), or use a RamRoleArn or EcsRamRole profile, whose " +
                       "credentials the module renews by itself.";
            if (code.StartsWith("InvalidSecurityToken", StringComparison.Ordinal))
                return "Hint: the security token does not go with this AccessKeyId. Pass the AccessKeyId, AccessKeySecret and " +
                       "SecurityToken of the same STS credentials, or no token with a permanent AccessKey.";
            if (code == "InvalidAccessKeyId.Inactive")
                return "Hint: this AccessKey is disabled. Enable it in the RAM console, or use another one.";
            if (code.StartsWith("InvalidAccessKeyId", StringComparison.Ordinal))
                return "Hint: the service does not know this AccessKeyId. Check it for typos, that it was not deleted, and that " +
                       "it belongs to this site (Alibaba Cloud international and China accounts are separate); " +
                       "Get-AlibabaCloudCredential shows which key is in use and where it came from.";
            if (code == "IncompleteSignature")
                return "Hint: the service found the request's signature incomplete; every call would fail the same way. If an " +
                       "endpoint override or a proxy is in use, check that it passes the x-acs-* headers through unchanged.";
            if (code == "SignatureDoesNotMatch")
                return "Hint: the signature did not match, which almost always means the AccessKeySecret is not the one of this " +
                       "AccessKeyId. Copy the secret again (watch for spaces) or check which credentials are in use with " +
                       "Get-AlibabaCloudCredential.";
            return null;
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
