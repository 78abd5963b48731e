using System.Text.Json;
using AlibabaCloud.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace AlibabaCloud.Emulator.Admin;

/// <summary>
/// The unsigned control surface under /_emulator/: state in and out, the journal of effective changes, request
/// counts, faults and reset. Faults never apply here, so a test can always observe and repair the emulator.
/// </summary>
internal sealed class AdminApi
{
    public const string Prefix = "/_emulator";
    private readonly EmulatorRuntime _runtime;

    public AdminApi(EmulatorRuntime runtime) => _runtime = runtime;

    public static bool Matches(HttpRequest request) => request.Path.StartsWithSegments(Prefix);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var route = request.Path.Value!.Substring(Prefix.Length).TrimEnd('/');
        var method = request.Method;
        try
        {
            switch (route)
            {
                case "/state" when HttpMethods.IsGet(method):
                    await WriteJson(context, 200, _runtime.GetState());
                    return;
                case "/state" when HttpMethods.IsPut(method) || HttpMethods.IsPost(method):
                    _runtime.SetState(await ReadJson<EmulatorState>(request));
                    await WriteJson(context, 200, _runtime.GetState());
                    return;
                case "/journal" when HttpMethods.IsGet(method):
                    await WriteJson(context, 200, _runtime.GetJournal());
                    return;
                case "/requests" when HttpMethods.IsGet(method):
                    await WriteJson(context, 200, _runtime.GetRequestCounts());
                    return;
                case "/faults" when HttpMethods.IsGet(method):
                    await WriteJson(context, 200, _runtime.Faults.Get());
                    return;
                case "/faults" when HttpMethods.IsPut(method) || HttpMethods.IsPost(method):
                    _runtime.Faults.Set(await ReadJson<FaultSettings>(request));
                    await WriteJson(context, 200, _runtime.Faults.Get());
                    return;
                case "/reset" when HttpMethods.IsPost(method):
                    _runtime.Reset();
                    await WriteJson(context, 200, new { reset = true });
                    return;
                case "/health" when HttpMethods.IsGet(method):
                    await WriteJson(context, 200, new { status = "ok" });
                    return;
                default:
                    await WriteJson(context, 404, new { error = $"No admin route {method} {Prefix}{route}. Routes: GET/PUT state, GET journal, GET requests, GET/PUT faults, POST reset, GET health." });
                    return;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidStateException)
        {
            await WriteJson(context, 400, new { error = e.Message });
        }
    }

    private static async Task<T> ReadJson<T>(HttpRequest request) where T : new()
    {
        var value = await JsonSerializer.DeserializeAsync<T>(request.Body, StateJson.Options, request.HttpContext.RequestAborted);
        return value ?? new T();
    }

    private static Task WriteJson<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, StateJson.Options, context.RequestAborted);
    }
}
