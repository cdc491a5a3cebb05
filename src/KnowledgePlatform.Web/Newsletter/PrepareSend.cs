using System.Globalization;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Fixes a published issue's audience in one transaction: a send, and one mail-ledger row per
/// active subscriber who gets at least one section (an issue with nothing for someone is not sent
/// to them). Rows carry no content; <see cref="IssueMailSource"/> renders them at send time.
/// A scheduled send's rows wait as Held until <see cref="NewsletterScheduler"/> releases them.
/// </summary>
public static class PrepareSend
{
    public const string Kind = "newsletter.issue";

    /// <param name="Version">
    /// The version to send. Null: the live version, so the issue must be published. A scheduled send
    /// names the version the editor confirmed: the issue is published (its web version appears) only
    /// when the send starts (<see cref="NewsletterScheduler"/>), so the archive never shows an issue
    /// before it went out.
    /// </param>
    public sealed record Command(Guid IssueKey, DateTime? ScheduledUtc, string Editor, int? Version = null);

    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock)
    {
        public async Task<NewsletterSend> HandleAsync(Command command, CancellationToken ct)
        {
            var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == command.IssueKey, ct);
            if (item is not { Type: ContentType.NewsletterIssue })
            {
                throw ValidationFailedException.For("IssueKey", "Deze nieuwsbrief bestaat niet.");
            }

            var version = command.Version ?? (item is { Status: ContentStatus.Published, LiveVersion: { } live } ? live
                : throw ValidationFailedException.For("IssueKey", "Alleen een gepubliceerde nieuwsbrief kan worden verstuurd."));
            var body = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == item.Key && v.Number == version).Select(v => v.Body).SingleOrDefaultAsync(ct)
                ?? throw ValidationFailedException.For("Version", $"Versie {version} van deze nieuwsbrief bestaat niet.");
            var issue = (NewsletterIssueContent)ContentJson.DeserializeBody(body);
            var now = clock.GetUtcNow().UtcDateTime;
            var startNow = command.ScheduledUtc is null || command.ScheduledUtc <= now;

            return await db.InTransactionAsync(async () =>
            {
                if (await db.Set<NewsletterSend>().AnyAsync(s => s.IssueKey == item.Key && s.State != SendState.Cancelled, ct))
                {
                    throw ValidationFailedException.For("IssueKey", "Deze nieuwsbrief is al verstuurd of ingepland.");
                }

                var send = db.Set<NewsletterSend>().Add(new NewsletterSend
                {
                    IssueKey = item.Key,
                    IssueVersion = version,
                    State = startNow ? SendState.Sending : SendState.Scheduled,
                    ScheduledUtc = command.ScheduledUtc,
                    CreatedUtc = now,
                    StartedUtc = startNow ? now : null,
                    CreatedBy = command.Editor,
                }).Entity;
                await db.SaveChangesAsync(ct);
                send.Recipients = await InsertRowsAsync(send, issue, startNow ? MailState.Queued : MailState.Held, now, ct);
                if (send.Recipients == 0)
                {
                    send.State = SendState.Completed;
                    send.CompletedUtc = now;
                }

                await db.SaveChangesAsync(ct);
                return send;
            }, ct);
        }

        private async Task<int> InsertRowsAsync(NewsletterSend send, NewsletterIssueContent issue, MailState state, DateTime now, CancellationToken ct)
        {
            var everyone = issue.Sections.Any(s => s.Items.Count > 0 && s.Terms is not { Count: > 0 });
            if (everyone)
            {
                return await InsertAsync(send, state, now, null, ct);
            }

            var candidates = await db.Set<Subscriber>().AsNoTracking().Where(s => s.Status == SubscriberStatus.Active)
                .Select(s => new { s.Id, s.AllTopics, s.Terms }).ToListAsync(ct);
            var audience = candidates.Where(s => IssueAudience.SectionsFor(issue, s.AllTopics,
                s.Terms.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet()).Count > 0).Select(s => s.Id).ToList();
            var total = 0;
            foreach (var chunk in audience.Chunk(500))
            {
                total += await InsertAsync(send, state, now, chunk, ct);
            }

            return total;
        }

        /// <summary>INSERT … SELECT from the subscribers: 100,000 rows in one statement, not 100,000 round trips.</summary>
        private Task<int> InsertAsync(NewsletterSend send, MailState state, DateTime now, long[]? ids, CancellationToken ct)
        {
            var filter = ids is null ? "" : $" AND \"Id\" IN ({string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
            var sql = $$"""
                INSERT INTO "MailLedger" ("Kind", "DedupeKey", "ToAddress", "ToName", "GroupId", "RecipientRef", "State", "Priority",
                                          "Attempts", "DueAtMs", "LeaseUntilMs", "CreatedUtc")
                SELECT {0}, {1} || CAST("Id" AS TEXT), "Email", "Name", {2}, "Id", {3}, 1, 0, 0, 0, {4}
                FROM "Subscribers" WHERE "Status" = {{(int)SubscriberStatus.Active}}{{filter}}
                """;
            return db.Database.ExecuteSqlRawAsync(sql, [Kind, $"{Kind}:{send.Id}:", send.Id, (int)state, now], ct);
        }
    }
}
