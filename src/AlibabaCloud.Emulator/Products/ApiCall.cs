using AlibabaCloud.Emulator.Faults;
using AlibabaCloud.Emulator.Protocol;
using AlibabaCloud.Emulator.State;

namespace AlibabaCloud.Emulator.Products;

/// <summary>What an operation handler gets: the decoded request, the world (already locked and advanced) and the clock.</summary>
internal sealed class ApiCall
{
    public ApiRequest Request { get; init; }
    public string Action { get; init; }
    public World World { get; init; }
    public FaultInjector Faults { get; init; }
    public DateTimeOffset Now { get; init; }
    public string AccessKeyId { get; init; }

    /// <summary>The id this answer carries; a ClientToken replay swaps in the original request's id.</summary>
    public string RequestId { get; set; }
}

/// <summary>An operation: runs under the world's lock and returns the success body (it throws ApiException for errors).</summary>
internal delegate object ApiHandler(ApiCall call);

internal sealed record ApiOperation(string Product, string Version, string Action, ApiHandler Handler);

/// <summary>Routes by action and version; one address serves every product, whatever the Host header says.</summary>
internal static class ApiRouter
{
    private static readonly Dictionary<string, ApiOperation> Operations = Build();

    private static Dictionary<string, ApiOperation> Build()
    {
        var list = new List<ApiOperation>();
        list.AddRange(Ecs.EcsApi.Operations);
        list.AddRange(Alb.AlbApi.Operations);
        list.AddRange(PrivateLink.PrivateLinkApi.Operations);
        return list.ToDictionary(o => o.Action, StringComparer.Ordinal);
    }

    public static IEnumerable<ApiOperation> All => Operations.Values;

    public static ApiOperation Find(string action, string version)
    {
        if (string.IsNullOrEmpty(action))
            throw new ApiException(400, "MissingParameter", "The input parameter \"Action\" that is mandatory for processing this request is not supplied.");
        if (!Operations.TryGetValue(action, out var op))
            throw new ApiException(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
        if (string.IsNullOrEmpty(version))
            throw new ApiException(400, "MissingParameter", "The input parameter \"Version\" that is mandatory for processing this request is not supplied.");
        if (version != op.Version)
            throw new ApiException(400, "InvalidVersion", $"Specified parameter Version is not valid. {op.Product} {action} is served by version {op.Version}.");
        return op;
    }
}

internal sealed record Page<T>(List<T> Items, int Total, string NextToken);

/// <summary>
/// NextToken paging over a resource list in load order. The token names the last item returned (not an offset),
/// so a page stays correct when earlier items stop matching a filter between calls.
/// </summary>
internal static class Paging
{
    public static Page<T> ByToken<T>(IEnumerable<T> candidates, Func<T, bool> filter, Func<T, int> order, string nextToken, int generation, int max)
    {
        var after = nextToken == null ? -1 : ParseToken(nextToken, generation);
        var items = new List<T>(Math.Min(max, 128));
        var total = 0;
        var more = false;
        foreach (var c in candidates)
        {
            if (!filter(c)) continue;
            total++;
            if (order(c) <= after) continue;
            if (items.Count < max) items.Add(c);
            else more = true;
        }
        return new Page<T>(items, total, more ? MakeToken(generation, order(items[^1])) : string.Empty);
    }

    public static Page<T> ByNumber<T>(IEnumerable<T> candidates, Func<T, bool> filter, int pageNumber, int pageSize)
    {
        var skip = (long)(pageNumber - 1) * pageSize;
        var items = new List<T>(Math.Min(pageSize, 128));
        var total = 0;
        foreach (var c in candidates)
        {
            if (!filter(c)) continue;
            if (total >= skip && items.Count < pageSize) items.Add(c);
            total++;
        }
        return new Page<T>(items, total, string.Empty);
    }

    public static string MakeToken(int generation, int order) => $"{generation:x8}{order:x8}";

    private static int ParseToken(string token, int generation)
    {
        if (token.Length == 16
            && int.TryParse(token.AsSpan(0, 8), System.Globalization.NumberStyles.HexNumber, null, out var g)
            && int.TryParse(token.AsSpan(8, 8), System.Globalization.NumberStyles.HexNumber, null, out var o)
            && g == generation && o >= 0)
            return o;
        throw new ApiException(400, "InvalidParameter.NextToken", "The specified NextToken is not valid (it may come from before the state was replaced).");
    }
}

/// <summary>
/// ClientToken idempotency: the same action, token and parameters replay the first successful answer (same
/// RequestId, same JobId) without a second effect; the same token with other parameters is refused. Only
/// successes are remembered, so a request that failed can be retried with its token.
/// </summary>
internal static class Idempotency
{
    public static object Run(ApiCall call, string clientToken, string fingerprint, Func<object> execute)
    {
        if (string.IsNullOrEmpty(clientToken)) return execute();
        var key = call.Action + "\n" + clientToken;
        if (call.World.Answers.TryGetValue(key, out var previous))
        {
            if (previous.Fingerprint != fingerprint) throw ApiException.IdempotenceParamNotMatch();
            call.RequestId = previous.RequestId;
            return previous.Body;
        }
        var body = execute();
        call.World.Answers[key] = new IdempotentAnswer { Fingerprint = fingerprint, Body = body, RequestId = call.RequestId };
        return body;
    }
}
