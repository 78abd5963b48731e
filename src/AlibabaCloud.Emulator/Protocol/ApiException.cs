namespace AlibabaCloud.Emulator.Protocol;

/// <summary>An answer in the service's error format. Thrown from anywhere in the request path; the pipeline renders it.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string Code { get; }

    /// <summary>Milliseconds the client should wait (sent as x-acs-retry-after), for throttling answers.</summary>
    public int? RetryAfterMs { get; init; }

    public static ApiException MissingParameter(string name) =>
        new(400, "MissingParameter." + name, $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    public static ApiException InvalidParameter(string name, string detail) =>
        new(400, "InvalidParameter", $"The specified parameter \"{name}\" is not valid. {detail}".TrimEnd());

    public static ApiException DryRunPassed() =>
        new(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.");

    public static ApiException IdempotenceParamNotMatch() =>
        new(400, "IdempotenceParamNotMatch", "Request uses a client token in a previous request but is not identical to that request.");
}
