using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AlibabaCloud.Emulator.Faults;
using AlibabaCloud.Emulator.Products;
using Microsoft.AspNetCore.Http;

namespace AlibabaCloud.Emulator.Protocol;

/// <summary>
/// One API call end to end: decode, count, route, authenticate, inject faults, run the operation under the world
/// lock, answer in the service's JSON. Kept allocation-light and log-free because benchmarks drive hundreds of
/// concurrent requests through it.
/// </summary>
internal sealed class ApiPipeline
{
    private const int MaxBodyBytes = 1 << 20;

    private static readonly JsonSerializerOptions ResponseJson = new()
    {
        PropertyNamingPolicy = null, // the service's own PascalCase field names, exactly as declared
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly EmulatorRuntime _runtime;

    public ApiPipeline(EmulatorRuntime runtime) => _runtime = runtime;

    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var arrived = _runtime.Now;
        var requestId = NewRequestId();
        ApiOperation operation = null;
        var reset = ResetMode.None;
        try
        {
            var body = await ReadBodyAsync(http, context.RequestAborted);
            var query = AcsEncoding.ParsePairs(http.QueryString.Value);
            var form = http.ContentType != null && http.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                ? AcsEncoding.ParsePairs(Encoding.UTF8.GetString(body))
                : new List<KeyValuePair<string, string>>();
            var request = new ApiRequest(http, query, form, body);

            // V3 names the operation in signed headers, V2 in signed parameters: route by whichever the signature covers.
            var v3 = request.Header("Authorization")?.StartsWith("ACS3-", StringComparison.Ordinal) == true;
            var action = v3 ? request.Header("x-acs-action") ?? request.Param("Action") : request.Param("Action") ?? request.Header("x-acs-action");
            var version = v3 ? request.Header("x-acs-version") ?? request.Param("Version") : request.Param("Version") ?? request.Header("x-acs-version");
            if (!string.IsNullOrEmpty(action)) _runtime.CountRequest(action);

            operation = ApiRouter.Find(action, version);
            var accessKeyId = _runtime.Authenticator.Authenticate(request, arrived);

            var fault = _runtime.Faults.Decide(operation.Action, arrived);
            if (fault.LatencyMs > 0) await Task.Delay(fault.LatencyMs, context.RequestAborted);
            if (fault.Error != null) throw fault.Error;
            reset = fault.Reset;
            if (reset == ResetMode.DropBeforeApply)
            {
                context.Abort();
                return;
            }

            var call = new ApiCall
            {
                Request = request, Action = operation.Action, World = _runtime.World, Faults = _runtime.Faults,
                Now = _runtime.Now, AccessKeyId = accessKeyId, RequestId = requestId,
            };
            object result;
            lock (_runtime.World.Gate)
            {
                _runtime.World.Advance(call.Now);
                result = operation.Handler(call);
            }
            if (reset == ResetMode.DropAfterApply)
            {
                context.Abort();
                return;
            }
            await WriteAsync(context, 200, call.RequestId, result, null);
        }
        catch (ApiException e)
        {
            if (reset == ResetMode.DropAfterApply)
            {
                context.Abort();
                return;
            }
            var host = http.Host.HasValue ? http.Host.Value : "127.0.0.1";
            var product = operation?.Product;
            var error = new
            {
                RequestId = requestId,
                HostId = host,
                Code = e.Code,
                Message = e.Message,
                Recommend = $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(e.Code)}"
                            + (product == null ? string.Empty : "&product=" + product) + "&requestId=" + requestId,
            };
            await WriteAsync(context, e.Status, requestId, error, e.RetryAfterMs);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a reset fault fired); there is nobody to answer.
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest http, CancellationToken cancel)
    {
        if (http.ContentLength == 0) return Array.Empty<byte>();
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
                throw new ApiException(400, "InvalidParameter", "The request body is larger than 1 MiB.");
        }
        return buffer.ToArray();
    }

    private static Task WriteAsync(HttpContext context, int status, string requestId, object body, int? retryAfterMs)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json;charset=utf-8";
        response.Headers["x-acs-request-id"] = requestId;
        if (retryAfterMs.HasValue) response.Headers["x-acs-retry-after"] = retryAfterMs.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ResponseJson);
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, 0, bytes.Length);
    }

    /// <summary>The service's RequestId shape: an upper-case GUID.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();
}
