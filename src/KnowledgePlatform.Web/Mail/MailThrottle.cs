using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Mail;

/// <summary>Newsletter:MaxMessagesPerSecond for all workers of this instance together (a token bucket).</summary>
public sealed class MailThrottle : IDisposable
{
    private readonly TokenBucketRateLimiter limiter;
    private readonly int maxPermits;

    public MailThrottle(IOptions<SendingOptions> options)
    {
        var rate = Math.Max(1, options.Value.MaxMessagesPerSecond);
        var (period, tokens) = rate >= 10
            ? (TimeSpan.FromMilliseconds(100), (rate + 9) / 10)
            : (TimeSpan.FromSeconds(1.0 / rate), 1);
        maxPermits = Math.Max(tokens, options.Value.InFlightChunk);
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = maxPermits,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async Task WaitAsync(int messages, CancellationToken ct)
    {
        using var lease = await limiter.AcquireAsync(Math.Min(messages, maxPermits), ct);
    }

    /// <summary>Waits for the permits; false when <paramref name="ct"/> stopped the wait.</summary>
    public async Task<bool> TryWaitAsync(int messages, CancellationToken ct)
    {
        try
        {
            await WaitAsync(messages, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>What this instance's dispatcher last saw of the relay, for the back-office.</summary>
public sealed class MailTransportStatus
{
    public DateTime? DownSinceUtc { get; private set; }

    public string? LastError { get; private set; }

    public long SentByThisInstance => Interlocked.Read(ref sent);

    private long sent;

    public void Down(string error, DateTime now)
    {
        LastError = error;
        DownSinceUtc ??= now;
    }

    public void Up() => DownSinceUtc = null;

    public void CountSent(int count) => Interlocked.Add(ref sent, count);
}
