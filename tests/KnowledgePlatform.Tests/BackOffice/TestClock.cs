namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>A clock the test moves by hand (FakeTimeProvider is not available from the package registry here).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
