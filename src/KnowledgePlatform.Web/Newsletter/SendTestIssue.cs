using System.Net;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// A test mail of an issue's latest version to the signed-in editor, rendered as a chosen
/// subscriber (or an "alles" reader) would receive it. Through the mail ledger like every mail, and
/// limited per editor (<see cref="NewsletterAdminOptions.TestMailsPerDay"/>) by the Mail module's guard.
/// </summary>
public static class SendTestIssue
{
    public const string Kind = "newsletter.test";

    public sealed record Command(Guid IssueKey, long? AsSubscriber, string EditorEmail, IPAddress? Ip);

    public enum Outcome
    {
        Queued,
        Throttled,
        NotFound,
    }

    public sealed class Handler(KnowledgeDbContext db, IssuePreviews previews, MailAbuseGuard guard, IOptions<NewsletterAdminOptions> options)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken ct)
        {
            if (await previews.LatestAsync(command.IssueKey, ct) is not var (_, issue))
            {
                return Outcome.NotFound;
            }

            var to = MailboxAddress.Create(command.EditorEmail);
            var reader = command.AsSubscriber is { } id ? await db.Set<Subscriber>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
            var preview = await previews.RenderAsync(issue, reader, ct);
            return await db.InTransactionAsync(async () =>
            {
                var perDay = options.Value.TestMailsPerDay;
                var limits = new MailLimitsOptions { PerAddressPerDay = perDay, PerIpPerHour = perDay, OverallPerHour = perDay * 50 };
                if (await guard.CheckAsync(Kind, to.Address, command.Ip, honeypotFilled: false, limits, ct) != AbuseVerdict.Allowed)
                {
                    return Outcome.Throttled;
                }

                MailQueue.Enqueue(db, new OutgoingMail(Kind, $"{Kind}:{command.IssueKey:N}:{Guid.NewGuid():N}", to, $"[Test] {preview.Subject}", preview.Html, preview.Text));
                await db.SaveChangesAsync(ct);
                return Outcome.Queued;
            }, ct);
        }
    }
}
