using System;
using AlibabaSecurityGroup.Core.Json;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>A successful OpenAPI answer and how it was obtained.</summary>
    public sealed class OpenApiResponse
    {
        public OpenApiResponse(JsonValue body, int httpStatus, string endpointHost, CallHistory history)
        {
            Body = body;
            HttpStatus = httpStatus;
            EndpointHost = endpointHost;
            History = history;
        }

        public JsonValue Body { get; }
        public int HttpStatus { get; }
        public string RequestId => Body?.GetString("RequestId");
        public string EndpointHost { get; }
        public CallHistory History { get; }
    }

    /// <summary>
    /// What the retry loop went through for one call. <see cref="EarlierAttemptOutcomeUnknown"/> is true when an
    /// earlier attempt was sent but no answer came back (reset, timeout): the service may have applied it.
    /// Callers of non-idempotent operations (ECS LeaveSecurityGroup has no ClientToken) use it to read a
    /// later "not a member" answer as success.
    /// </summary>
    public sealed class CallHistory
    {
        public CallHistory(int attempts, int throttledAttempts, bool earlierAttemptOutcomeUnknown, TimeSpan elapsed)
        {
            Attempts = attempts;
            ThrottledAttempts = throttledAttempts;
            EarlierAttemptOutcomeUnknown = earlierAttemptOutcomeUnknown;
            Elapsed = elapsed;
        }

        public int Attempts { get; }
        public int ThrottledAttempts { get; }
        public int Retries => Attempts > 0 ? Attempts - 1 : 0;
        public bool EarlierAttemptOutcomeUnknown { get; }
        public TimeSpan Elapsed { get; }
    }
}
