using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>Counts of one send, from its ledger rows.</summary>
public sealed record SendCounts(int Sent, int Failed, int Uncertain, int Skipped, int Cancelled, int Remaining)
{
    public static SendCounts From(IReadOnlyDictionary<MailState, int> byState)
    {
        int Count(params MailState[] states) => states.Sum(s => byState.GetValueOrDefault(s));
        return new(Count(MailState.Sent), Count(MailState.Failed), Count(MailState.Uncertain), Count(MailState.Skipped), Count(MailState.Cancelled),
            Count(MailState.Queued, MailState.Claimed, MailState.InFlight, MailState.Held));
    }
}

/// <summary>An issue in the editors' list: its latest version, and its latest send with counts (null: never sent).</summary>
public sealed record IssueSummary(Guid Key, string Title, ContentStatus Status, int LatestVersion, int? LiveVersion, DateTime UpdatedUtc,
    NewsletterSend? Send, SendCounts? Counts)
{
    /// <summary>"concept", "ingepland", "wordt verstuurd", "gepauzeerd", "verstuurd", "geannuleerd".</summary>
    public string StateText => Send?.State switch
    {
        SendState.Scheduled => "ingepland",
        SendState.Sending => "wordt verstuurd",
        SendState.Paused => "gepauzeerd",
        SendState.Completed => "verstuurd",
        SendState.Cancelled => "geannuleerd",
        _ => "concept",
    };
}

/// <summary>Every newsletter issue with the state of its latest send: one query for the issues, one for the sends, one for the counts.</summary>
public sealed class IssueOverview(KnowledgeDbContext db)
{
    public async Task<IReadOnlyList<IssueSummary>> ListAsync(int limit, CancellationToken ct)
    {
        var issues = await (from i in db.ContentItems.AsNoTracking()
                            join v in db.ContentVersions.AsNoTracking() on new { K = i.Key, N = i.LatestVersion } equals new { K = v.ContentKey, N = v.Number }
                            where i.Type == ContentType.NewsletterIssue
                            orderby i.UpdatedUtc descending
                            select new { i.Key, v.Title, i.Status, i.LatestVersion, i.LiveVersion, i.UpdatedUtc }).Take(limit).ToListAsync(ct);
        var keys = issues.Select(i => i.Key).ToList();
        var sends = (await db.Set<NewsletterSend>().AsNoTracking().Where(s => keys.Contains(s.IssueKey)).ToListAsync(ct))
            .GroupBy(s => s.IssueKey).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Id)!);
        var counts = await CountsAsync([.. sends.Values.Select(s => s.Id)], ct);
        return [.. issues.Select(i => sends.TryGetValue(i.Key, out var send)
            ? new IssueSummary(i.Key, i.Title, i.Status, i.LatestVersion, i.LiveVersion, i.UpdatedUtc, send, counts.GetValueOrDefault(send.Id) ?? SendCounts.From(new Dictionary<MailState, int>()))
            : new IssueSummary(i.Key, i.Title, i.Status, i.LatestVersion, i.LiveVersion, i.UpdatedUtc, null, null))];
    }

    /// <summary>The latest send of one issue (null: never sent).</summary>
    public Task<NewsletterSend?> LatestSendAsync(Guid issueKey, CancellationToken ct) =>
        db.Set<NewsletterSend>().AsNoTracking().Where(s => s.IssueKey == issueKey).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);

    public async Task<Dictionary<long, SendCounts>> CountsAsync(IReadOnlyList<long> sendIds, CancellationToken ct)
    {
        var ids = sendIds.Select(i => (long?)i).ToList();
        var rows = await db.Set<MailLedgerEntry>().AsNoTracking().Where(m => ids.Contains(m.GroupId))
            .GroupBy(m => new { m.GroupId, m.State }).Select(g => new { g.Key.GroupId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.GroupId!.Value).ToDictionary(g => g.Key, g => SendCounts.From(g.ToDictionary(r => r.State, r => r.Count)));
    }
}
