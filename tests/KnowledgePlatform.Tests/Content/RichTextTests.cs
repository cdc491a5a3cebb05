using System.Text.RegularExpressions;
using KnowledgePlatform.Web.Content;
using Xunit;

namespace KnowledgePlatform.Tests.Content;

public sealed partial class RichTextTests
{
    [Theory]
    [MemberData(nameof(RichTextSamples.AttackData), MemberType = typeof(RichTextSamples))]
    public void Attack_leaves_no_script_handler_or_script_url(string attack)
    {
        var clean = RichText.Sanitize(attack);

        Assert.DoesNotContain("<script", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), clean);
        Assert.DoesNotContain("javascript:", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<math", clean, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(RichTextSamples.AllowedData), MemberType = typeof(RichTextSamples))]
    public void Allowed_markup_survives_unchanged(string html) => Assert.Equal(html, RichText.Sanitize(html));

    [Theory]
    [MemberData(nameof(RichTextSamples.EverythingData), MemberType = typeof(RichTextSamples))]
    [InlineData("<h2><div><h3>kop in kop</h3></div></h2>")]
    [InlineData("<ul><li>a<section><li>b</li></section></li></ul>")]
    [InlineData("<p><b id=1>a<b id=2>b</p><p>c</p>")]
    [InlineData("<table><tr><td>x</td></tr><tfoot><tr><td>y</td></tr></tfoot></table>")]
    [InlineData("<pre>\n\nregel</pre>")]
    [InlineData("<a href=\"/a\"><div><a href=\"/b\">x</a></div></a>")]
    [InlineData("<p>a<table><tr><td>b</td></tr></table>c")]
    [InlineData("<li>los</li><td>cel</td> tekst ")]
    public void Sanitizing_twice_changes_nothing(string html)
    {
        var once = RichText.Sanitize(html);

        Assert.Equal(once, RichText.Sanitize(once));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Empty_input_gives_empty_string(string? html) => Assert.Equal(string.Empty, RichText.Sanitize(html));

    [Theory]
    [InlineData("<h1>Kop</h1>", "<h2>Kop</h2>")]
    [InlineData("<h5>a</h5><h6>b</h6>", "<h4>a</h4><h4>b</h4>")]
    [InlineData("<div class=\"x\"><span style=\"color:red\">Hallo</span> <font face=\"Arial\">wereld</font> <u>nu</u></div>",
        "Hallo wereld nu")]
    [InlineData("<section><article><p>Tekst</p></article></section>", "<p>Tekst</p>")]
    [InlineData("<p>voor<script>alert(1)</script>na</p>", "<p>voorna</p>")]
    [InlineData("<style>p { color: red }</style><p>x</p><iframe src=\"/x\">binnen</iframe>", "<p>x</p>")]
    [InlineData("<p>a<!-- geheim -->b</p>", "<p>ab</p>")]
    [InlineData("<p>a<svg><text>svg</text><a href=\"/x\">svg-link</a></svg><math><mi>x</mi></math>b</p>", "<p>ab</p>")]
    [InlineData("<p class=\"a\" id=\"b\" style=\"c\" onclick=\"d\" title=\"t\">x</p>", "<p>x</p>")]
    [InlineData("<a href=\"https://other.example\" target=\"_blank\" rel=\"opener\">x</a>", "<a href=\"https://other.example\">x</a>")]
    [InlineData("<a href=\"javascript:alert(1)\">klik</a>", "klik")]
    [InlineData("<a href=\"pagina.html\">relatief</a> <a href=\"//evil.example\">extern</a>", "relatief extern")]
    [InlineData("<p><img src=\"javascript:alert(1)\" alt=\"x\">tekst</p>", "<p>tekst</p>")]
    [InlineData("<img src=\"mailto:a@example.org\">", "")]
    [InlineData("<img src=\"/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/640x.webp\" width=\"100%\" height=\"50\">",
        "<img src=\"/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/640x.webp\" height=\"50\">")]
    [InlineData("<th scope=\"javascript\">x</th>", "x")]
    [InlineData("<a href=\" https://example.org/&#9;\n\">x</a>", "<a href=\"https://example.org/\">x</a>")]
    [InlineData("<p>niet <strong>afgesloten", "<p>niet <strong>afgesloten</strong></p>")]
    public void Disallowed_markup_is_unwrapped_or_removed(string html, string expected) =>
        Assert.Equal(expected, RichText.Sanitize(html));

    /// <summary>What the editor's media picker inserts survives byte for byte; on this site only media-library URLs are images.</summary>
    [Theory]
    [InlineData("/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/960x.webp", true)]
    [InlineData("/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/400x225.webp?v=3", true)]
    [InlineData("/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/jaarverslag-2025.pdf", true)]
    [InlineData("https://www.example.org/foto.jpg", true)]
    [InlineData("/a.png", false)]
    [InlineData("/agenda.ics", false)]
    [InlineData("/beheer/uitloggen", false)]
    [InlineData("/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/../../beheer", false)]
    [InlineData("/media/niet-een-id/960x.webp", false)]
    [InlineData("#boven", false)]
    [InlineData("\u200B/media/0b7c9e4e-4f0a-4f4e-9d55-3f1c2a9b8e21/960x.webp", false)]
    [InlineData("//evil.example/x.png", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    public void Images_come_from_the_media_library_or_another_site(string src, bool kept)
    {
        var html = $"<p>De zaal<img src=\"{src}\" alt=\"Foto van de zaal\" width=\"960\" height=\"640\"></p>";
        Assert.Equal(kept ? html : "<p>De zaal</p>", RichText.Sanitize(html));
    }

    [Fact]
    public void Attribute_text_that_looks_like_markup_stays_an_escaped_attribute()
    {
        var clean = RichText.Sanitize("<a href=\"/x\" title=\"&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;\">x</a>");

        Assert.Equal("<a href=\"/x\" title=\"&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;\">x</a>", clean);
    }

    [Fact]
    public void Plain_text_has_one_line_per_block_with_whitespace_collapsed()
    {
        var text = RichText.ToPlainText(
            "<h2>Verslag</h2><p>Intro   tekst\nhier,<br>nieuwe regel.</p>"
            + "<ul><li>Een</li><li>Twee &amp; <strong>drie</strong></li></ul><script>geheim()</script>"
            + "<table><tr><td>a</td><td>b</td></tr></table>");

        Assert.Equal("Verslag\nIntro tekst hier,\nnieuwe regel.\nEen\nTwee & drie\na b", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("<script>alert(1)</script><style>p{}</style>")]
    public void Plain_text_of_nothing_readable_is_empty(string? html) => Assert.Equal(string.Empty, RichText.ToPlainText(html));

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventHandlerAttribute();
}
