using System.Net.Http.Json;
using System.Text.Json;

namespace AlibabaCloud.Emulator.Tests.Support;

/// <summary>An in-process emulator on a free port plus a signing client and an admin client for it.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(EmulatorServer server)
    {
        Server = server;
        Client = new AcsTestClient(server.BaseAddress);
        Admin = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public EmulatorServer Server { get; }
    public AcsTestClient Client { get; }
    public HttpClient Admin { get; }

    /// <summary>Short asynchronous timings so lifecycle tests finish quickly (tests never assert on them).</summary>
    public static BehaviorSettings FastBehavior(string notMember = "InstanceNotInSecurityGroup") => new()
    {
        AlbJobMilliseconds = 200, EndpointDetachMilliseconds = 200, EndpointCooldownMilliseconds = 600, NotMemberErrorCode = notMember,
    };

    public static async Task<TestEmulator> StartAsync(EmulatorState state = null, ManualClock clock = null)
    {
        state ??= new EmulatorState();
        return new TestEmulator(clock == null
            ? await EmulatorServer.StartAsync(state)
            : await EmulatorServer.StartAsync(state, "http://127.0.0.1:0", clock));
    }

    public async Task<JsonElement> AdminGet(string path)
    {
        using var response = await Admin.GetAsync("_emulator/" + path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="done"/> holds. A generous deadline, not a timing assertion.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int timeoutMs = 15000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last value: {value}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await Server.DisposeAsync();
    }
}

public static class ResponseAssert
{
    /// <summary>The error arrived with this HTTP status and code, in the service's error body.</summary>
    public static void Error(AcsResponse response, int status, string code)
    {
        Assert.True(response.Status == status && response.Code == code, $"expected {status} {code}, got {response}");
        foreach (var field in new[] { "RequestId", "HostId", "Code", "Message", "Recommend" })
            Assert.True(response.Body.TryGetProperty(field, out _), $"error body lacks {field}: {response}");
    }

    public static void Success(AcsResponse response)
    {
        Assert.True(response.Status == 200, $"expected success, got {response}");
        Assert.False(string.IsNullOrEmpty(response.RequestId), "success body lacks RequestId");
    }

    public static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();
}
