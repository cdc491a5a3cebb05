using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Web.Content;
using Xunit;

namespace KnowledgePlatform.Tests.Content;

/// <summary>
/// String checks on sanitized output miss mutation XSS: markup that looks harmless as text but
/// that a browser parses into something else. So parse each output again, as a browser would
/// (with scripting on and off, which changes how noscript parses), and inspect the DOM it builds.
/// </summary>
public sealed class RichTextBrowserParseTests
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "b", "em",
        "i", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "hr",
        "code", "pre", "sub", "sup",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "a/href", "a/title", "img/src", "img/alt", "img/width", "img/height",
        "th/scope", "th/colspan", "th/rowspan", "td/colspan", "td/rowspan",
    };

    private static readonly string[] ScriptingElements =
        ["script", "style", "svg", "math", "iframe", "object", "embed", "template", "noscript", "form", "base", "link", "meta"];

    private static readonly string[] ScriptSchemes = ["javascript:", "data:", "vbscript:"];

    [Theory]
    [MemberData(nameof(RichTextSamples.EverythingData), MemberType = typeof(RichTextSamples))]
    [InlineData("<a href=\"/x\" title=\"&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;\">x</a>")]
    [InlineData("<pre title=\"&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</pre>")]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>")]
    public void A_browser_parsing_the_output_builds_only_allowed_markup(string html)
    {
        var clean = RichText.Sanitize(html);

        foreach (var scripting in new[] { true, false })
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = scripting });
            var document = parser.ParseDocument("<!DOCTYPE html><html><head></head><body>" + clean + "</body></html>");

            foreach (var element in document.All)
            {
                Assert.Equal(NamespaceNames.HtmlUri, element.NamespaceUri);
                Assert.DoesNotContain(element.LocalName, ScriptingElements);
                Assert.Contains(element.LocalName, AllowedElements);
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), attribute.Name);
                    Assert.Contains($"{element.LocalName}/{attribute.Name}", AllowedAttributes);
                    var compact = string.Concat(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)));
                    Assert.DoesNotContain(ScriptSchemes, scheme => compact.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
                }
            }

            // What the browser builds is exactly what was stored: no re-parse surprises.
            Assert.Equal(clean, document.Body!.InnerHtml);
        }
    }
}
