using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Search;

namespace KnowledgePlatform.Tests.Search;

/// <summary>The fast text extraction used for indexing gives exactly what the DOM-based one gives, for sanitized rich text.</summary>
public sealed class SanitizedHtmlTextTests
{
    [Theory]
    [InlineData("<p>Een <strong>sterke</strong> gemeente &amp; <em>wijk</em>.</p><p>Tweede  alinea.</p>")]
    [InlineData("<h2>Kop</h2><ul><li>één</li><li>twee&nbsp;drie</li></ul><p>a<br>b</p>")]
    [InlineData("<table><tr><th>Wie</th><td>Helderman</td></tr></table><blockquote><p>Citaat &lt;geen tag&gt;</p></blockquote>")]
    [InlineData("<p><a href=\"https://example.nl/?a=1&amp;b=2\" title=\"x > y\">link</a> en <img src=\"/media/a.png\" alt=\"Foto\"> beeld</p>")]
    [InlineData("<pre><code>regel 1\nregel 2</code></pre><hr><p>Sociaal-domein, cliënt’s auto's 100.000+</p>")]
    [InlineData("Losse tekst zonder tags")]
    public void Extracts_the_same_text_as_the_parser(string html)
    {
        var sanitized = RichText.Sanitize(html);
        Assert.True(SanitizedHtmlText.TryExtract(sanitized, out var text));
        Assert.Equal(RichText.ToPlainText(sanitized), text);
    }

    [Theory]
    [InlineData("<p>a</p><!-- opmerking -->")]
    [InlineData("<script>x</script>")]
    [InlineData("<p>a <b")]
    public void Leaves_anything_unexpected_to_the_parser(string html) =>
        Assert.False(SanitizedHtmlText.TryExtract(html, out _));
}
