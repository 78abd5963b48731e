using System;
using System.Globalization;
using System.Text;

namespace AlibabaSecurityGroup.Core.Errors
{
    public enum ErrorKind
    {
        /// <summary>The service answered with an error body (or an HTTP error status).</summary>
        Service,
        /// <summary>No answer: connection refused or reset, DNS failure. The request may or may not have been applied.</summary>
        Transport,
        /// <summary>No answer within the read timeout. The request may or may not have been applied.</summary>
        Timeout,
        /// <summary>Nothing was sent: credentials, region or endpoint could not be resolved.</summary>
        Configuration,
    }

    /// <summary>
    /// The one error type of the OpenAPI core. Carries what the service said (code, message, HTTP status,
    /// RequestId, HostId, Recommend) and how the call went. Its message never contains a secret.
    /// </summary>
    public sealed class AlibabaCloudException : Exception
    {
        public const string DryRunOperationCode = "DryRunOperation";

        public AlibabaCloudException(ErrorKind kind, string code, string serviceMessage, int httpStatus = 0,
            string requestId = null, string hostId = null, string recommend = null, Exception inner = null)
            : base(Compose(code, serviceMessage, requestId), inner)
        {
            Kind = kind;
            Code = code;
            ServiceMessage = serviceMessage;
            HttpStatus = httpStatus;
            RequestId = requestId;
            HostId = hostId;
            Recommend = recommend;
        }

        public ErrorKind Kind { get; }
        public string Code { get; }
        public string ServiceMessage { get; }
        public int HttpStatus { get; }
        public string RequestId { get; }
        public string HostId { get; }
        public string Recommend { get; }

        /// <summary>Set by the retry loop: attempts made and whether an earlier one went unanswered.</summary>
        public CallHistory History { get; internal set; }

        /// <summary>A DryRun request passed validation: the service would have accepted the real call.</summary>
        public bool IsDryRunPassed => Kind == ErrorKind.Service && Code == DryRunOperationCode;

        public bool IsThrottling => Code != null && Code.IndexOf("Throttling", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string Compose(string code, string message, string requestId)
        {
            var sb = new StringBuilder();
            sb.Append(string.IsNullOrEmpty(code) ? "Error" : code);
            if (!string.IsNullOrEmpty(message)) sb.Append(": ").Append(message);
            if (!string.IsNullOrEmpty(requestId)) sb.Append(" (RequestId ").Append(requestId).Append(')');
            return sb.ToString();
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0}: {1} [kind {2}, HTTP {3}]", GetType().Name, Message, Kind, HttpStatus);
    }
}
