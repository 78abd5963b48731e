using AlibabaCloud.Emulator.Protocol;

namespace AlibabaCloud.Emulator.Faults;

/// <summary>How the pipeline must treat one API call, decided before the handler runs.</summary>
internal enum ResetMode
{
    None,
    /// <summary>Drop the connection without doing anything.</summary>
    DropBeforeApply,
    /// <summary>Do the work, then drop the connection: the client cannot know it happened.</summary>
    DropAfterApply,
}

internal readonly record struct FaultDecision(int LatencyMs, ApiException Error, ResetMode Reset);

/// <summary>
/// Seeded fault injection, so a failing test run can be replayed: throttling with the service's codes and
/// x-acs-retry-after, per-action rate limits, server errors (never applied), dropped connections (half of them
/// after the change is applied) and failed ALB jobs. All draws come from one seeded generator under a lock.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private FaultSettings _settings = new();
    private Random _random = new(1);
    private volatile bool _active;
    private readonly Dictionary<string, (long Second, int Count)> _windows = new(StringComparer.Ordinal);

    public void Set(FaultSettings settings)
    {
        settings ??= new FaultSettings();
        lock (_gate)
        {
            _settings = Copy(settings);
            _random = new Random(settings.Seed);
            _windows.Clear();
            _active = settings.ThrottleRate > 0 || settings.ServerErrorRate > 0 || settings.ResetRate > 0
                      || settings.LatencyMs > 0 || settings.LatencyJitterMs > 0 || settings.AlbJobFailureRate > 0
                      || (settings.RateLimitPerSecond?.Values.Any(v => v > 0) ?? false);
        }
    }

    public FaultSettings Get()
    {
        lock (_gate) return Copy(_settings);
    }

    private static FaultSettings Copy(FaultSettings s) => new()
    {
        ThrottleRate = s.ThrottleRate, ServerErrorRate = s.ServerErrorRate, ResetRate = s.ResetRate,
        LatencyMs = s.LatencyMs, LatencyJitterMs = s.LatencyJitterMs, AlbJobFailureRate = s.AlbJobFailureRate, Seed = s.Seed,
        RateLimitPerSecond = new Dictionary<string, int>(s.RateLimitPerSecond ?? new Dictionary<string, int>(), StringComparer.Ordinal),
    };

    public FaultDecision Decide(string action, DateTimeOffset now)
    {
        if (!_active) return default;
        lock (_gate)
        {
            var s = _settings;
            var latency = s.LatencyMs + (s.LatencyJitterMs > 0 ? _random.Next(s.LatencyJitterMs + 1) : 0);

            if (s.RateLimitPerSecond.TryGetValue(action, out var limit) && limit > 0)
            {
                var ms = now.ToUnixTimeMilliseconds();
                var second = ms / 1000;
                (long Second, int Count) w = _windows.TryGetValue(action, out var current) && current.Second == second ? current : (second, 0);
                w.Count++;
                _windows[action] = w;
                if (w.Count > limit)
                    return new FaultDecision(latency, new ApiException(400, "Throttling.User", "Request was denied due to user flow control.")
                        { RetryAfterMs = (int)(1000 - ms % 1000) }, ResetMode.None);
            }
            if (s.ThrottleRate > 0 && _random.NextDouble() < s.ThrottleRate)
            {
                var api = _random.Next(2) == 1;
                var status = _random.Next(2) == 1 ? 429 : 400;
                var error = api
                    ? new ApiException(status, "Throttling.Api", "Request was denied due to api flow control.")
                    : new ApiException(status, "Throttling", "Request was denied due to request throttling.");
                return new FaultDecision(latency, new ApiException(error.Status, error.Code, error.Message) { RetryAfterMs = 100 + _random.Next(401) }, ResetMode.None);
            }
            if (s.ServerErrorRate > 0 && _random.NextDouble() < s.ServerErrorRate)
            {
                var error = _random.Next(2) == 1
                    ? new ApiException(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.")
                    : new ApiException(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");
                return new FaultDecision(latency, error, ResetMode.None);
            }
            if (s.ResetRate > 0 && _random.NextDouble() < s.ResetRate)
                return new FaultDecision(latency, null, _random.Next(2) == 1 ? ResetMode.DropAfterApply : ResetMode.DropBeforeApply);
            return new FaultDecision(latency, null, ResetMode.None);
        }
    }

    /// <summary>Whether the next ALB job will end Failed (decided when the job is created).</summary>
    public bool NextAlbJobFails()
    {
        if (!_active) return false;
        lock (_gate) return _settings.AlbJobFailureRate > 0 && _random.NextDouble() < _settings.AlbJobFailureRate;
    }
}
