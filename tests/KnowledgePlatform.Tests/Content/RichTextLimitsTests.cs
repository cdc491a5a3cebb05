using KnowledgePlatform.Web.Content;
using Xunit;

namespace KnowledgePlatform.Tests.Content;

/// <summary>Hostile input must be refused quickly, never hang the server or overflow the stack.</summary>
public sealed class RichTextLimitsTests
{
    [Fact]
    public void Input_over_a_million_characters_is_refused()
    {
        var html = "<p>" + new string('x', 1_000_000) + "</p>";

        Assert.Throws<ArgumentException>(() => RichText.Sanitize(html));
    }

    [Fact]
    public void Thousands_of_unclosed_nested_lists_are_refused()
    {
        // Unguarded, AngleSharp needs minutes for this (scope checks walk the ever-growing stack).
        var html = string.Concat(Enumerable.Repeat("<ul><li>", 60_000));

        Assert.Throws<ArgumentException>(() => RichText.Sanitize(html));
    }

    [Fact]
    public void Unclosed_formatting_repeated_in_every_block_is_refused()
    {
        // 18 kB that the parser turns into 400,000 elements: each <p> re-opens all 200 <b> tags.
        var html = "<p>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<b id={i}>")) + "</p>"
                   + string.Concat(Enumerable.Repeat("<p>x</p>", 2_000));

        Assert.Throws<ArgumentException>(() => RichText.Sanitize(html));
    }

    [Fact]
    public void Deep_but_bounded_nesting_is_sanitized_without_overflowing_the_stack()
    {
        // 900 unclosed tags: under the refusal limit, far over the tree-depth cap of 256.
        var html = string.Concat(Enumerable.Repeat("<blockquote><span>", 450)) + "diep";

        var clean = RichText.Sanitize(html);

        Assert.Contains("diep", clean, StringComparison.Ordinal);
        Assert.Equal(clean, RichText.Sanitize(clean));
        Assert.Equal("diep", RichText.ToPlainText(html));
    }

    [Fact]
    public void Editor_sized_content_is_not_refused()
    {
        var paragraph = "<p>Tekst met <strong>nadruk</strong> en <a href=\"/agenda\">een link</a>.</p>";
        var html = string.Concat(Enumerable.Repeat(paragraph, 5_000));

        Assert.Equal(html, RichText.Sanitize(html));
    }
}
