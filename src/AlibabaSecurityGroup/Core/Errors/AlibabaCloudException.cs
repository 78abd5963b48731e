using System;
using System.Globalization;
using System.Text;
using AlibabaSecurityGroup.Core.Redaction;

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
            ServiceMessage = Redactor.Redact(serviceMessage);
            HttpStatus = httpStatus;
            RequestId = requestId;
            HostId = hostId;
            Recommend = Redactor.Redact(recommend);
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

        /// <summary>The RAM denial details the service sent with a 403 (<c>AccessDeniedDetail</c>, as JSON text), or null.</summary>
        public string AccessDeniedDetail { get; internal set; }

        /// <summary>
        /// How long the service asked us to wait before trying again (<c>x-acs-retry-after</c>, milliseconds on the
        /// wire), or null when it did not say.
        /// </summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>The API action of the failed call (e.g. <c>LeaveSecurityGroup</c>), when known.</summary>
        public string Action { get; internal set; }

        /// <summary>The endpoint host the failed call went to, when known.</summary>
        public string EndpointHost { get; internal set; }

        /// <summary>
        /// True when this failure proves the request never reached the service (connection refused, DNS failure,
        /// connect timeout). Such an attempt cannot have been applied.
        /// </summary>
        public bool RequestNotSent { get; internal set; }

        /// <summary>
        /// True when the request may have been applied although no answer came back (<see cref="ErrorKind.Transport"/>
        /// or <see cref="ErrorKind.Timeout"/> after the request could have left). Also <c>SignatureNonceUsed</c>: every
        /// attempt is signed with a fresh nonce, so the service saw this very attempt before, which happens when the HTTP
        /// stack silently resends a request whose pooled connection dropped; that first delivery may have been applied.
        /// </summary>
        public bool OutcomeUnknown =>
            ((Kind == ErrorKind.Transport || Kind == ErrorKind.Timeout) && !RequestNotSent)
            || (Kind == ErrorKind.Service && Code == "SignatureNonceUsed");

        /// <summary>A DryRun request passed validation: the service would have accepted the real call.</summary>
        public bool IsDryRunPassed => Kind == ErrorKind.Service && Code == DryRunOperationCode;

        public bool IsThrottling => Code != null && Code.IndexOf("Throttling", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// A copy for one caller with its own <see cref="History"/> (an exception shared by several waiters, such as a
        /// failed credential refresh, must not have its history overwritten by each of them). The original is the inner exception.
        /// </summary>
        internal AlibabaCloudException WithHistory(CallHistory history) =>
            new AlibabaCloudException(Kind, Code, ServiceMessage, HttpStatus, RequestId, HostId, Recommend, this)
            {
                History = history,
                AccessDeniedDetail = AccessDeniedDetail,
                RetryAfter = RetryAfter,
                Action = Action,
                EndpointHost = EndpointHost,
                RequestNotSent = RequestNotSent,
            };

        private static string Compose(string code, string message, string requestId)
        {
            var sb = new StringBuilder();
            sb.Append(string.IsNullOrEmpty(code) ? "Error" : code);
            if (!string.IsNullOrEmpty(message)) sb.Append(": ").Append(message);
            if (!string.IsNullOrEmpty(requestId)) sb.Append(" (RequestId ").Append(requestId).Append(')');
            // The one place every message of the core goes through: never let a secret into it.
            return Redactor.Redact(sb.ToString());
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0}: {1} [kind {2}, HTTP {3}]", GetType().Name, Message, Kind, HttpStatus);
    }
}
