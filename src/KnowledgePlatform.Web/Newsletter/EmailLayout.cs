using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>The platform's look in mail: name, colour and logo from the site settings.</summary>
public sealed record MailBrand(string SiteName, string Color, string? LogoUrl, string BaseUrl);

/// <summary>
/// The email-safe frame: one 600 px table, inline styles only, the site name as text beside the
/// logo (readable with images off), explicit text colours on explicit backgrounds and a
/// color-scheme declaration (readable when a client darkens it), and a hidden preheader.
/// </summary>
public static partial class EmailLayout
{
    public const string Text = "#1a1a1a";
    public const string Muted = "#4d4d4d";

    public static string Html(MailBrand brand, string subject, string? preheader, string body, string footer)
    {
        var e = HtmlEncoder.Default;
        var color = HexColor().IsMatch(brand.Color) ? brand.Color : "#154273";
        var logo = brand.LogoUrl is { } url && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith('/'))
            ? $"<img src=\"{e.Encode(url.StartsWith('/') ? brand.BaseUrl.TrimEnd('/') + url : url)}\" alt=\"\" width=\"32\" height=\"32\" style=\"display:inline-block;vertical-align:middle;border:0;margin-right:8px\">"
            : "";
        var html = new StringBuilder(4096 + body.Length);
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">")
            .Append("<title>").Append(e.Encode(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f2f2f2;color:").Append(Text).Append(";font-family:Arial,Helvetica,sans-serif\">");
        if (!string.IsNullOrWhiteSpace(preheader))
        {
            html.Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\">").Append(e.Encode(preheader)).Append("</div>");
        }

        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#f2f2f2\"><tr><td align=\"center\" style=\"padding:16px 8px\">")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background:#ffffff\">")
            .Append("<tr><td style=\"background:").Append(color).Append(";padding:16px 24px;color:#ffffff;font-size:20px;font-weight:bold\">")
            .Append(logo).Append("<span style=\"color:#ffffff\">").Append(e.Encode(brand.SiteName)).Append("</span></td></tr>")
            .Append("<tr><td style=\"padding:24px;color:").Append(Text).Append(";font-size:16px;line-height:1.5;background:#ffffff\">")
            .Append(body)
            .Append("</td></tr><tr><td style=\"padding:16px 24px;border-top:1px solid #d9d9d9;color:").Append(Muted).Append(";font-size:13px;line-height:1.5;background:#ffffff\">")
            .Append(footer)
            .Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }

    public static string Link(string url, string label, string color) =>
        $"<a href=\"{HtmlEncoder.Default.Encode(url)}\" style=\"color:{(HexColor().IsMatch(color) ? color : "#154273")};text-decoration:underline\">{HtmlEncoder.Default.Encode(label)}</a>";

    public static string Button(string url, string label, string color) =>
        "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td style=\"background:" + (HexColor().IsMatch(color) ? color : "#154273")
        + ";border-radius:4px\"><a href=\"" + HtmlEncoder.Default.Encode(url) + "\" style=\"display:inline-block;padding:12px 20px;color:#ffffff;font-weight:bold;text-decoration:none\">"
        + HtmlEncoder.Default.Encode(label) + "</a></td></tr></table>";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
