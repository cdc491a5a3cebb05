using System.Text.Encodings.Web;
using KnowledgePlatform.Web.Mail.Mime;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// One recipient's issue as segments in order. Shared segments are the template's own strings (the
/// same objects for every recipient of a send), so their quoted-printable encoding is made once per
/// send and reused; only the personal ones (greeting, signed links) are encoded per message. Joined,
/// the segments are exactly what <see cref="IssueMailSource.Compose"/> returns (preview, test mail).
/// </summary>
public static class IssueBody
{
    public readonly record struct Segment(string Value, bool Shared);

    public static (List<Segment> Html, List<Segment> Text) Segments(IssueTemplate template, string? name, IReadOnlyList<int> sections,
        string preferencesUrl, string unsubscribeUrl)
    {
        var frame = template.Frame;
        var greeting = name is null ? "Beste lezer," : $"Beste {name},";
        List<Segment> html = [new(frame.HtmlHead, true), new(HtmlEncoder.Default.Encode(greeting) + "</p>", false), new(template.IntroHtml, true)];
        List<Segment> text = [new(frame.TextHead, true), new(greeting + "\n\n", false), new(frame.TextIntro, true)];
        foreach (var i in sections)
        {
            html.Add(new(template.Sections[i].Html, true));
            text.Add(new(template.Sections[i].Text, true));
        }

        var color = template.Brand.Color;
        html.Add(new(frame.HtmlFooterHead, true));
        html.Add(new($"{EmailLayout.Link(preferencesUrl, "Voorkeuren wijzigen of pauzeren", color)} · {EmailLayout.Link(unsubscribeUrl, "Afmelden", color)}</p>", false));
        html.Add(new(frame.HtmlTail, true));
        text.Add(new(frame.TextFooterHead, true));
        text.Add(new(preferencesUrl + "\nAfmelden: " + unsubscribeUrl + "\n", false));
        return (html, text);
    }

    /// <summary>The segments quoted-printable encoded; shared ones from the template's cache.</summary>
    public static EncodedAlternatives Encode(IssueTemplate template, (List<Segment> Html, List<Segment> Text) segments) =>
        new(Encode(template, segments.Text), Encode(template, segments.Html));

    private static EncodedBody Encode(IssueTemplate template, List<Segment> segments) =>
        new([.. segments.Select(s => s.Shared ? template.EncodedPieces.GetOrAdd(s.Value, EncodedBody.Piece) : EncodedBody.Piece(s.Value))]);
}

/// <summary>The fixed text around an issue's sections (layout, intro, footer), built once per template.</summary>
public sealed record IssueFrame(string HtmlHead, string HtmlFooterHead, string HtmlTail, string TextHead, string TextIntro, string TextFooterHead)
{
    private const string BodyMark = "\u0001", FooterMark = "\u0002";

    public static IssueFrame Of(IssueTemplate template)
    {
        var brand = template.Brand;
        var layout = EmailLayout.Html(brand, template.Issue.Title, template.Issue.Preheader, BodyMark, FooterMark);
        var body = layout.IndexOf(BodyMark, StringComparison.Ordinal);
        var footer = layout.IndexOf(FooterMark, StringComparison.Ordinal);
        var footerHead = $"<p style=\"margin:0 0 8px\">{EmailLayout.Link(template.WebUrl, "Bekijk deze nieuwsbrief in de browser", brand.Color)}</p>"
            + $"<p style=\"margin:0\">U ontvangt deze nieuwsbrief van {HtmlEncoder.Default.Encode(brand.SiteName)} omdat u zich hebt aangemeld. ";
        return new IssueFrame(
            layout[..body] + "<p style=\"margin:0 0 16px\">",
            layout[(body + 1)..footer] + footerHead,
            layout[(footer + 1)..],
            template.Issue.Title + "\n\n",
            template.IntroText.Trim() + "\n",
            "\n--\nIn de browser: " + template.WebUrl + "\nVoorkeuren wijzigen of pauzeren: ");
    }
}
