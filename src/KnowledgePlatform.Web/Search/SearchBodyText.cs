using System.Text;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Search;

/// <summary>The searchable plain text of a content body: its rich text without markup, plus the short fields readers search for.</summary>
internal static class SearchBodyText
{
    public static string For(ContentBody body)
    {
        var text = new StringBuilder();
        void Line(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Append(value.Trim()).Append('\n');
            }
        }

        void Rich(string? html) => Line(Plain(html));

        switch (body)
        {
            case EventContent e:
                Line(e.Format);
                Rich(e.Body);
                foreach (var item in e.Programme)
                {
                    Line(item.Title);
                    Rich(item.Description);
                }

                Line(e.Audience);
                Line(e.Venue is { } v ? $"{v.Name} {v.City}" : null);
                Rich((e as WorkshopContent)?.Materials);
                break;
            case MeetingReportContent r:
                Rich(r.Body);
                foreach (var outcome in r.Outcomes)
                {
                    Line(outcome);
                }

                break;
            case DossierArticleContent a:
                Line(a.Lead);
                Rich(a.Body);
                break;
            case DossierContent d:
                Rich(d.Intro);
                break;
            case NewsletterIssueContent n:
                Line(n.Preheader);
                Rich(n.Intro);
                foreach (var section in n.Sections)
                {
                    Line(section.Title);
                }

                break;
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Readable text of stored (sanitized) rich text; text that is too large to parse is left out rather than failing the index.</summary>
    public static string? Plain(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        if (SanitizedHtmlText.TryExtract(html, out var text))
        {
            return text;
        }

        try
        {
            return RichText.ToPlainText(html);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
