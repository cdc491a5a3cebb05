using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>An issue rendered once per send: the parts every recipient shares (HTML and text per section).</summary>
public sealed record IssueTemplate(
    NewsletterIssueContent Issue,
    MailBrand Brand,
    string WebUrl,
    string IntroHtml,
    string IntroText,
    IReadOnlyList<(string Html, string Text)> Sections)
{
    private IssueFrame? frame;

    public IssueFrame Frame => frame ??= IssueFrame.Of(this);

    /// <summary>Quoted-printable of the shared segments (<see cref="IssueBody"/>), by string instance.</summary>
    internal ConcurrentDictionary<string, byte[]> EncodedPieces { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>Builds and caches <see cref="IssueTemplate"/>s (sends are immutable once prepared).</summary>
public sealed class IssueTemplates(KnowledgeDbContext db, ContentReader reader, MailBrands brands, NewsletterLinks links)
{
    private static readonly ConcurrentDictionary<(string, long), IssueTemplate> Cache = new();

    public async Task<IssueTemplate?> ForSendAsync(long sendId, CancellationToken ct)
    {
        var cacheKey = (db.Database.GetConnectionString() ?? "", sendId);
        if (Cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var send = await db.Set<NewsletterSend>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId, ct);
        if (send is null)
        {
            return null;
        }

        var body = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == send.IssueKey && v.Number == send.IssueVersion).Select(v => v.Body).SingleAsync(ct);
        var template = await BuildAsync((NewsletterIssueContent)ContentJson.DeserializeBody(body), ct);
        if (Cache.Count > 50)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(cacheKey, template);
    }

    public async Task<IssueTemplate> BuildAsync(NewsletterIssueContent issue, CancellationToken ct)
    {
        var brand = await brands.CurrentAsync(ct);
        var sections = new List<(string, string)>();
        foreach (var section in issue.Sections)
        {
            var cards = await reader.CardsAsync(section.Items, ct);
            sections.Add(Section(section.Title, cards, brand));
        }

        var intro = issue.Intro ?? "";
        return new IssueTemplate(issue, brand, links.Absolute($"nieuwsbrief/{issue.Slug}"),
            InlineStyles(intro), RichTextPlainText.Extract(intro), sections);
    }

    private (string Html, string Text) Section(string title, IReadOnlyList<ContentCard> cards, MailBrand brand)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<h2 style=\"margin:24px 0 8px;font-size:20px;line-height:1.3;color:").Append(EmailLayout.Text).Append("\">").Append(e.Encode(title)).Append("</h2>");
        text.Append("\n== ").Append(title).Append(" ==\n");
        foreach (var card in cards)
        {
            var url = links.Absolute(card.Url.TrimStart('/'));
            var when = card.Type is ContentType.Event or ContentType.Workshop && card.DateUtc is { } date ? DutchTime.LongDate(date) : null;
            html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:0 0 16px\"><tr><td style=\"padding:12px;border-left:4px solid ")
                .Append(brand.Color).Append(";background:#f7f7f7;color:").Append(EmailLayout.Text).Append("\">")
                .Append("<p style=\"margin:0 0 4px;font-size:17px;font-weight:bold\">").Append(EmailLayout.Link(url, card.Title, brand.Color)).Append("</p>");
            if (when is not null)
            {
                html.Append("<p style=\"margin:0 0 4px;color:").Append(EmailLayout.Muted).Append(";font-size:14px\">").Append(e.Encode(when)).Append("</p>");
            }

            if (!string.IsNullOrWhiteSpace(card.Summary))
            {
                html.Append("<p style=\"margin:0\">").Append(e.Encode(card.Summary)).Append("</p>");
            }

            html.Append("</td></tr></table>");
            text.Append('\n').Append(card.Title).Append(when is null ? "" : $" ({when})").Append('\n').Append(url).Append('\n');
            if (!string.IsNullOrWhiteSpace(card.Summary))
            {
                text.Append(card.Summary).Append('\n');
            }
        }

        return (html.ToString(), text.ToString());
    }

    /// <summary>Sanitized rich text gets inline styles on its blocks (mail clients drop style sheets).</summary>
    private static string InlineStyles(string html) => html
        .Replace("<p>", "<p style=\"margin:0 0 16px\">", StringComparison.Ordinal)
        .Replace("<a ", $"<a style=\"color:{EmailLayout.Text};text-decoration:underline\" ", StringComparison.Ordinal)
        .Replace("<h2>", "<h2 style=\"margin:24px 0 8px;font-size:20px\">", StringComparison.Ordinal)
        .Replace("<h3>", "<h3 style=\"margin:16px 0 8px;font-size:18px\">", StringComparison.Ordinal);
}
