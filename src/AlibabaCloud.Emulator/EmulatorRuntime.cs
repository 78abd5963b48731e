using System.Collections.Concurrent;
using AlibabaCloud.Emulator.Faults;
using AlibabaCloud.Emulator.Protocol;
using AlibabaCloud.Emulator.State;

namespace AlibabaCloud.Emulator;

/// <summary>
/// Everything one emulator instance owns, shared by the API pipeline, the admin API and the in-process
/// <see cref="EmulatorServer"/> facade, so the three always agree.
/// </summary>
internal sealed class EmulatorRuntime
{
    public EmulatorRuntime(EmulatorState state, TimeProvider clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        SetState(state ?? new EmulatorState());
    }

    public TimeProvider Clock { get; }
    public World World { get; } = new();
    public Authenticator Authenticator { get; } = new();
    public FaultInjector Faults { get; } = new();
    public ConcurrentDictionary<string, int> RequestCounts { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Validates first, so a bad document leaves the current state untouched.</summary>
    public void SetState(EmulatorState state)
    {
        var normalized = StateValidator.Normalize(state);
        lock (World.Gate)
        {
            World.Load(normalized);
            Authenticator.SetCredentials(World.Credentials);
        }
    }

    public EmulatorState GetState()
    {
        lock (World.Gate)
        {
            World.Advance(Now);
            return World.Snapshot();
        }
    }

    public List<JournalEntry> GetJournal()
    {
        lock (World.Gate)
        {
            World.Advance(Now);
            return World.Journal.Select(e => new JournalEntry
            {
                Time = e.Time, Action = e.Action, ResourceId = e.ResourceId,
                SecurityGroupIds = new List<string>(e.SecurityGroupIds), RequestId = e.RequestId, ClientToken = e.ClientToken,
            }).ToList();
        }
    }

    public SortedDictionary<string, int> GetRequestCounts() => new(RequestCounts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public void CountRequest(string action) => RequestCounts.AddOrUpdate(action, 1, (_, n) => n + 1);

    /// <summary>Clears what tests accumulate (journal, counts, nonces, faults); resources and in-flight work stay.</summary>
    public void Reset()
    {
        lock (World.Gate)
        {
            World.Advance(Now);
            World.Journal.Clear();
        }
        RequestCounts.Clear();
        Authenticator.ClearNonces();
        Faults.Set(new FaultSettings());
    }
}
