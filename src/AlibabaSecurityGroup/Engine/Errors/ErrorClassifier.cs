using System;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine.Errors
{
    /// <summary>Maps service codes and failure kinds to PowerShell error categories (design.md, "Rules").</summary>
    public static class ErrorClassifier
    {
        public static EngineErrorCategory Categorize(AlibabaCloudException error)
        {
            switch (error.Kind)
            {
                case ErrorKind.Timeout: return EngineErrorCategory.OperationTimeout;
                case ErrorKind.Transport: return EngineErrorCategory.ConnectionError;
                case ErrorKind.Configuration: return CategorizeConfiguration(error.Code);
            }
            return Categorize(error.Code, error.HttpStatus);
        }

        public static EngineErrorCategory Categorize(string code, int httpStatus)
        {
            if (string.IsNullOrEmpty(code)) return ByStatus(httpStatus);
            // Authentication first: InvalidAccessKeyId.NotFound is about the key, not about the resource.
            if (Has(code, "InvalidAccessKeyId") || Has(code, "Signature") || Has(code, "InvalidSecurityToken")
                || Has(code, "InvalidTimeStamp")) return EngineErrorCategory.AuthenticationError;
            if (ErrorCodes.IsNotMember(code) || Has(code, "NotFound")) return EngineErrorCategory.ObjectNotFound;
            if (Has(code, "Throttling")) return EngineErrorCategory.LimitsExceeded;
            if (Has(code, "Forbidden") || Has(code, "NoPermission")) return EngineErrorCategory.PermissionDenied;
            if (Has(code, "Malformed") || Has(code, "MissingParameter") || Has(code, "InvalidParam")
                || Has(code, "IdempotenceParamNotMatch") || code == ErrorCodes.InvalidArgument) return EngineErrorCategory.InvalidArgument;
            if (code == "RequestTimeout" || code == ErrorCodes.WaitTimeout) return EngineErrorCategory.OperationTimeout;
            if (code == "InternalError" || code == "ServiceUnavailable") return EngineErrorCategory.ResourceUnavailable;
            if (Has(code, "LastSecurityGroup") || Has(code, "AtLeastInOneGroup") || Has(code, "MustContain")
                || Has(code, "Status") || Has(code, "State") || Has(code, "Locked") || Has(code, "OperationDenied")
                || Has(code, "InvalidOperation") || Has(code, "NotSupport") || Has(code, "Deleted")) return EngineErrorCategory.InvalidOperation;
            return ByStatus(httpStatus);
        }

        private static EngineErrorCategory CategorizeConfiguration(string code)
        {
            switch (code)
            {
                case "MissingCredentials": return EngineErrorCategory.AuthenticationError;
                case "ProfileNotFound": return EngineErrorCategory.ObjectNotFound;
                default: return EngineErrorCategory.InvalidArgument;
            }
        }

        private static EngineErrorCategory ByStatus(int status)
        {
            if (status == 403) return EngineErrorCategory.PermissionDenied;
            if (status == 404) return EngineErrorCategory.ObjectNotFound;
            if (status == 429) return EngineErrorCategory.LimitsExceeded;
            if (status >= 500) return EngineErrorCategory.ResourceUnavailable;
            if (status >= 400) return EngineErrorCategory.InvalidOperation;
            return EngineErrorCategory.NotSpecified;
        }

        private static bool Has(string code, string part) => code.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
