using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Renders newsletter ledger rows at send time, personalised: greeting, the sections this
/// subscriber gets, and signed preference and unsubscribe links (also as RFC 8058 headers). A
/// subscriber who is no longer active, or has nothing in the issue, gets nothing (row Skipped).
/// </summary>
public sealed class IssueMailSource(KnowledgeDbContext db, IssueTemplates templates, NewsletterLinks links) : IMailContentSource
{
    public string Kind => PrepareSend.Kind;

    public async Task<IReadOnlyDictionary<long, OutgoingMail?>> RenderAsync(IReadOnlyList<ClaimedMail> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.RecipientRef is not null).Select(r => r.RecipientRef!.Value).Distinct().ToList();
        var subscribers = await db.Set<Subscriber>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var result = new Dictionary<long, OutgoingMail?>(rows.Count);
        foreach (var row in rows)
        {
            var template = row.GroupId is { } sendId ? await templates.ForSendAsync(sendId, ct) : null;
            result[row.Id] = template is not null && row.RecipientRef is { } id && subscribers.TryGetValue(id, out var subscriber)
                && subscriber.Status == SubscriberStatus.Active
                ? await RenderAsync(row, template, subscriber, ct)
                : null;
        }

        return result;
    }

    public async Task<OutgoingMail?> RenderAsync(ClaimedMail row, IssueTemplate template, Subscriber subscriber, CancellationToken ct)
    {
        var sections = IssueAudience.SectionsFor(template.Issue, subscriber.AllTopics, subscriber.TermKeys().ToHashSet());
        if (sections.Count == 0)
        {
            return null;
        }

        var token = await links.TokenAsync(subscriber, ct);
        var body = IssueBody.Segments(template, subscriber.Name, sections, links.PreferencesUrl(token), links.UnsubscribeUrl(token));
        return new OutgoingMail(Kind, row.DedupeKey, MailboxAddress.Create(subscriber.Email, subscriber.Name), template.Issue.Title, null, null)
        {
            Encoded = IssueBody.Encode(template, body),
            Headers =
            [
                new MailHeader("List-Unsubscribe", $"<{links.UnsubscribeUrl(token)}>, <{links.MailtoUnsubscribe(token)}>"),
                new MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                new MailHeader("List-Id", $"Nieuwsbrief <nieuwsbrief.{new Uri(template.Brand.BaseUrl).Host}>"),
            ],
        };
    }

    /// <summary>The HTML and text one recipient gets, as strings (preview, test mail); sending uses the same segments encoded.</summary>
    public static (string Html, string Text) Compose(IssueTemplate template, string? name, IReadOnlyList<int> sections, string preferencesUrl, string unsubscribeUrl)
    {
        var (html, text) = IssueBody.Segments(template, name, sections, preferencesUrl, unsubscribeUrl);
        return (string.Concat(html.Select(s => s.Value)), string.Concat(text.Select(s => s.Value)));
    }
}
