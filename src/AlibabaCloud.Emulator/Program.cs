using AlibabaCloud.Emulator;
using AlibabaCloud.Emulator.Diagnostics;
using AlibabaCloud.Emulator.State;

// dotnet run --project src/AlibabaCloud.Emulator -c Release -- --urls http://127.0.0.1:8080 --state state.json
string urls = "http://127.0.0.1:8080", statePath = null;
int? selfTestCount = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--urls" when i + 1 < args.Length: urls = args[++i]; break;
        case "--state" when i + 1 < args.Length: statePath = args[++i]; break;
        case "--self-test-describe-latency":
            selfTestCount = i + 1 < args.Length && int.TryParse(args[i + 1], out var n) ? n : 10_000;
            if (i + 1 < args.Length && int.TryParse(args[i + 1], out _)) i++;
            break;
        case "-h" or "--help":
            Console.WriteLine("AlibabaCloud.Emulator: a local ECS / ALB / PrivateLink service.");
            Console.WriteLine("  --urls <url>                        where to listen (default http://127.0.0.1:8080; port 0 = any)");
            Console.WriteLine("  --state <file.json>                 initial state (see sample-state.json)");
            Console.WriteLine("  --self-test-describe-latency [N]    load N instances (default 10000), time DescribeInstances pages, exit");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --help.");
            return 2;
    }
}

if (selfTestCount.HasValue) return await DescribeLatencySelfTest.RunAsync(selfTestCount.Value);

EmulatorState state;
try
{
    state = statePath == null ? new EmulatorState() : StateJson.LoadFile(statePath);
}
catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot read state file '{statePath}': {e.Message}");
    return 2;
}

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(state, urls);
}
catch (InvalidStateException e)
{
    Console.Error.WriteLine($"Invalid state file '{statePath}': {e.Message}");
    return 2;
}

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
Console.WriteLine($"AlibabaCloud emulator listening on {server.BaseAddress} (ECS 2014-05-26, ALB 2020-06-16, PrivateLink 2020-04-15; admin API at {server.BaseAddress}_emulator/). Ctrl+C stops.");
await stop.Task;
await server.DisposeAsync();
return 0;
