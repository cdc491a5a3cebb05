using System.Text;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Tests.Search;

/// <summary>Whatever an editor pastes or a visitor types, analysis returns sane terms and never throws.</summary>
public sealed class DutchAnalyzerRobustnessTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\r\n  ")]
    [InlineData("\0\u0001\u001F\u007F\u200B\uFEFF")]
    [InlineData("😀🇳🇱👩‍👩‍👧")]
    [InlineData("\uD800\uDC00\uDC00\uD800")]
    [InlineData("- -- ' '' ... , . \u00AD \u0301 –")]
    public void Text_without_words_gives_no_terms(string? text)
    {
        Assert.Empty(DutchAnalyzer.Analyze(text));
        Assert.Null(DutchAnalyzer.AnalyzeQueryTerm(text));
    }

    [Fact]
    public void Emoji_and_control_characters_separate_words() =>
        Assert.Equal(
            [new("hallo", 0), new("wereld", 1), new("tab", 2), new("nul", 3)],
            DutchAnalyzer.Analyze("hallo😀wereld\ttab\0nul"));

    [Fact]
    public void A_word_too_long_to_index_still_takes_its_position()
    {
        var text = "begin " + new string('a', 10_000) + " einde";

        Assert.Equal([new("begin", 0), new("eind", 2)], DutchAnalyzer.Analyze(text));
    }

    [Fact]
    public void Ten_kilobytes_of_mixed_text_are_analyzed_within_the_limits()
    {
        var text = MixedText(seed: 1, length: 10_240);

        var tokens = DutchAnalyzer.Analyze(text);

        Assert.NotEmpty(tokens);
        AssertSane(tokens);
    }

    [Fact]
    public void Random_text_never_throws_and_keeps_the_invariants()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var text = MixedText(seed, length: 200);

            AssertSane(DutchAnalyzer.Analyze(text));
            Assert.True(DutchAnalyzer.Fold(text).Length <= text.Length * 2);
            _ = DutchAnalyzer.AnalyzeQueryTerm(text);
        }
    }

    private static void AssertSane(List<AnalyzedToken> tokens)
    {
        var previous = 0;
        foreach (var token in tokens)
        {
            Assert.InRange(token.Term.Length, 1, DutchAnalyzer.MaxTermLength);
            Assert.Equal(token.Term, DutchAnalyzer.Fold(token.Term));
            Assert.InRange(token.Position, previous, int.MaxValue);
            previous = token.Position;
        }
    }

    /// <summary>Dutch words, accents, digits, hyphens, apostrophes, marks, surrogates and controls, at random.</summary>
    private static string MixedText(int seed, int length)
    {
        string[] pieces =
        [
            "sociaal", "-", "domein", " ", "cliënt", "'s", "’", "100.000", "+", ",", ".", "2", "één",
            "\u0301", "\u00AD", "😀", "\uD800", "\uDC00", "\0", "\n", "IJssel", "Straße", "–", "de",
            "gemeente", "ß", "ǅ", "x", "Ελλάδα", "\u200D", "a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ];
        var random = new Random(seed);
        var builder = new StringBuilder(length + 64);
        while (builder.Length < length)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }

        return builder.ToString(0, length);
    }
}
