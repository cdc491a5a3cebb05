using System.Net;
using System.Text;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>A file attached to a mail (the .ics invitation).</summary>
public sealed record MailFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A registration mail as this module composes it; <see cref="RegistrationMailQueue"/> hands it to
/// the Mail module. <paramref name="DedupeKey"/> makes each mail go out once, however often the
/// code that queues it runs.
/// </summary>
public sealed record RegistrationMail(
    string Kind, string DedupeKey, string To, string? ToName, string Subject, string Html, string Text, IReadOnlyList<MailFile> Attachments);

/// <summary>Builds the same message as HTML (encoded) and plain text, paragraph by paragraph.</summary>
internal sealed class MailBody
{
    private readonly StringBuilder html = new();
    private readonly StringBuilder text = new();

    public MailBody Paragraph(string value)
    {
        html.Append("<p>").Append(WebUtility.HtmlEncode(value).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        text.Append(value).Append("\n\n");
        return this;
    }

    public MailBody Link(string label, Uri url)
    {
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url.AbsoluteUri)).Append("\">")
            .Append(WebUtility.HtmlEncode(label)).Append("</a></p>\n");
        text.Append(label).Append(": ").Append(url.AbsoluteUri).Append("\n\n");
        return this;
    }

    public MailBody Facts(IEnumerable<(string Label, string? Value)> facts)
    {
        var present = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        html.Append("<table role=\"presentation\">\n");
        foreach (var (label, value) in present)
        {
            html.Append("<tr><th scope=\"row\" style=\"text-align:left;padding-right:1em\">").Append(WebUtility.HtmlEncode(label))
                .Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        html.Append("</table>\n");
        text.Append('\n');
        return this;
    }

    public string Html => $"<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body>\n{html}</body></html>\n";

    public string Text => text.ToString().TrimEnd() + "\n";
}
