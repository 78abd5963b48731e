namespace AlibabaCloud.Emulator.Tests.Support;

/// <summary>
/// A clock the test moves by hand, starting at the real time (so signed requests stay inside the 15-minute
/// window). Lets lifecycle tests observe Processing / Pending deterministically, whatever the machine's load.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void AdvanceMs(int milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));
}
