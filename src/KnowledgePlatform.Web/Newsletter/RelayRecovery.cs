using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Mail.Smtp;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Ends pauses the relay caused: while a send is paused because the relay was unreachable, try the
/// relay now and then (nothing is claimed meanwhile, so nothing else would), and resume those sends
/// once it answers. Any instance may do it; resuming is conditional, so it happens once.
/// </summary>
public sealed class RelayRecovery(KnowledgeDbContext db, IMailTransport transport, SendControl control, ILogger<RelayRecovery> logger)
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    /// <summary>Returns how many sends were resumed.</summary>
    public async Task<int> TryResumeAsync(CancellationToken ct)
    {
        var paused = await db.Set<NewsletterSend>().AsNoTracking()
            .Where(s => s.State == SendState.Paused && s.PausedForRelay).Select(s => s.Id).ToListAsync(ct);
        if (paused.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var session = await transport.OpenAsync(ct);
        }
        catch (SmtpConnectException)
        {
            return 0; // still down; the pause reason already says so
        }

        var resumed = 0;
        foreach (var id in paused)
        {
            // Only a pause that is still the relay's: an editor who paused or resumed meanwhile decides.
            var still = await db.Set<NewsletterSend>().AsNoTracking().AnyAsync(s => s.Id == id && s.State == SendState.Paused && s.PausedForRelay, ct);
            if (still && await control.ResumeAsync(id, ct))
            {
                resumed++;
                logger.LogInformation("The mail relay answers again; newsletter send {SendId} resumed.", id);
            }
        }

        return resumed;
    }
}
