using AlibabaCloud.Emulator.Admin;
using AlibabaCloud.Emulator.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AlibabaCloud.Emulator;

/// <summary>
/// A running emulator on a real socket. Tests start it in-process on port 0 and read <see cref="BaseAddress"/>;
/// the command line (Program) starts the same thing on a fixed address.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;

    private EmulatorServer(WebApplication app, EmulatorRuntime runtime, Uri baseAddress)
    {
        _app = app;
        _runtime = runtime;
        BaseAddress = baseAddress;
    }

    /// <summary>Starts listening on <paramref name="url"/> (port 0 = any free port) with the given state (null = empty, default key pair).</summary>
    public static Task<EmulatorServer> StartAsync(EmulatorState state = null, string url = "http://127.0.0.1:0") =>
        StartAsync(state, url, TimeProvider.System);

    /// <summary>With a controllable clock, so tests can step asynchronous work (jobs, detaches, cooldowns) deterministically.</summary>
    internal static async Task<EmulatorServer> StartAsync(EmulatorState state, string url, TimeProvider clock)
    {
        var runtime = new EmulatorRuntime(state, clock);
        // The empty builder reads no configuration files, environment or command line and registers no loggers:
        // start-up stays well under a second and nothing is logged per request.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxConcurrentConnections = null;
        });
        builder.WebHost.UseUrls(url);
        var app = builder.Build();

        var api = new ApiPipeline(runtime);
        var admin = new AdminApi(runtime);
        app.Run(context => AdminApi.Matches(context.Request) ? admin.HandleAsync(context) : api.HandleAsync(context));

        await app.StartAsync().ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? url;
        return new EmulatorServer(app, runtime, new Uri(first.TrimEnd('/') + "/"));
    }

    /// <summary>Where the emulator listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A deep copy of the current state, in the state file's schema.</summary>
    public EmulatorState GetState() => _runtime.GetState();

    /// <summary>Replaces the state (resources, credentials, behaviour); in-flight jobs and remembered client tokens are dropped.</summary>
    public void SetState(EmulatorState state) => _runtime.SetState(state);

    /// <summary>Every effective change so far, in order (asynchronous completions included once their time has passed).</summary>
    public IReadOnlyList<JournalEntry> GetJournal() => _runtime.GetJournal();

    /// <summary>Requests received per action, failures and dry runs included.</summary>
    public IReadOnlyDictionary<string, int> GetRequestCounts() => _runtime.GetRequestCounts();

    public void SetFaults(FaultSettings faults) => _runtime.Faults.Set(faults);

    /// <summary>Clears the journal, request counts, used nonces and faults; the state is unchanged.</summary>
    public void Reset() => _runtime.Reset();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
