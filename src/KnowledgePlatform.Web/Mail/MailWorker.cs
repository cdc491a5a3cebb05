using System.Data.Common;
using System.Diagnostics;
using KnowledgePlatform.Web.Mail.Smtp;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// One worker: claim a batch, render it, and per chunk mark in flight → transmit → stamp. The only
/// rows a crash can leave in doubt are the chunk on the wire and the next one, already marked
/// (see <see cref="SendChunksAsync"/>); they become Uncertain, not resent.
/// </summary>
public sealed partial class MailWorker(string owner, MailLedgerStore store, IMailTransport transport, MailThrottle throttle,
    MailTransportStatus status, MailDispatchStats stats, IServiceScopeFactory scopes, IOptions<SendingOptions> sendingOptions, TimeProvider clock,
    ILogger<MailWorker> logger)
{
    private static readonly TimeSpan IdleClose = TimeSpan.FromSeconds(10);
    private readonly SendingOptions options = sendingOptions.Value;
    private readonly string nonce = Guid.NewGuid().ToString("N")[..10];
    private readonly MailboxAddress from = MailboxAddress.Create(sendingOptions.Value.FromAddress, sendingOptions.Value.FromName);
    private IMailTransportSession? session;
    private DateTime lastUse;

    public async Task RunAsync(CancellationToken ct)
    {
        MailDispatchStats.EnterDispatcher();
        DbConnection? connection = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                connection ??= await store.OpenAsync(ct);
                var sent = await RunBatchAsync(connection, ct);
                if (sent == 0)
                {
                    await CloseIdleSessionAsync();
                    await Task.Delay(TimeSpan.FromMilliseconds(500), clock, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Mail worker {Owner} failed; retrying shortly.", owner);
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                    connection = null;
                }

                await DropSessionAsync();
                await Task.Delay(TimeSpan.FromSeconds(2), clock, CancellationToken.None);
            }
        }

        await DropSessionAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<int> RunBatchAsync(DbConnection connection, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = await store.ClaimAsync(connection, owner, options.BatchSize, now.ToUnixTimeMilliseconds(), LeaseFrom(now), ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        var rendering = Stopwatch.GetTimestamp();
        var mails = await MailRendering.RenderAsync(scopes, batch, ct);
        stats.CountStage(MailDispatchStats.Stage.Render, rendering);
        var nothing = batch.Where(r => mails[r.Id] is null).Select(r => r.Id).ToList();
        await store.FinishAsync(connection, owner, nothing, MailState.Skipped, "Niets te versturen voor deze ontvanger.", now.UtcDateTime, ct);
        var chunks = batch.Where(r => mails[r.Id] is not null).Chunk(options.InFlightChunk).ToList();
        return chunks.Count == 0 ? 0 : await SendChunksAsync(connection, chunks, mails, ct);
    }

    /// <summary>The reason when the relay cannot be reached: the caller puts the rows back, then tells the observers (the newsletter pauses).</summary>
    private async Task<string?> OpenSessionAsync(CancellationToken ct)
    {
        await DropSessionAsync();
        try
        {
            session = await transport.OpenAsync(ct);
            status.Up();
            return null;
        }
        catch (SmtpConnectException ex)
        {
            status.Down(ex.Message, clock.GetUtcNow().UtcDateTime);
            logger.LogWarning("Mail relay unavailable: {Reason}", ex.Message);
            return ex.Message;
        }
    }

    private long LeaseFrom(DateTimeOffset now) => now.AddSeconds(options.LeaseSeconds).ToUnixTimeMilliseconds();

    private long RetryAt(TimeSpan delay) => clock.GetUtcNow().Add(delay).ToUnixTimeMilliseconds();

    private async Task CloseIdleSessionAsync()
    {
        if (session is not null && clock.GetUtcNow().UtcDateTime - lastUse > IdleClose)
        {
            await DropSessionAsync();
        }
    }

    private async Task DropSessionAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
            session = null;
        }
    }
}
