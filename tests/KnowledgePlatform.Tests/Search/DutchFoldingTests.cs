using System.Globalization;
using System.Text;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Tests.Search;

/// <summary>The same word with or without diacritics, composed or decomposed, gets the same term.</summary>
public sealed class DutchFoldingTests
{
    [Theory]
    [InlineData("cliënten", "clienten")]
    [InlineData("Cliënten", "CLIENTEN")]
    [InlineData("café", "cafe")]
    [InlineData("crème", "creme")]
    [InlineData("ampère", "ampere")]
    [InlineData("coördinatie", "coordinatie")]
    [InlineData("Curaçao", "curacao")]
    [InlineData("financiële", "financiele")]
    [InlineData("cliënten", "clie\u0308nten")]
    [InlineData("Straße", "strasse")]
    [InlineData("ĳsbaan", "ijsbaan")]
    public void A_word_with_and_without_diacritics_gets_the_same_term(string accented, string plain)
    {
        Assert.NotNull(DutchAnalyzer.AnalyzeQueryTerm(plain));
        Assert.Equal(DutchAnalyzer.AnalyzeQueryTerm(plain), DutchAnalyzer.AnalyzeQueryTerm(accented));
    }

    [Fact]
    public void Een_with_accents_is_the_stop_word_een_to_the_index()
    {
        Assert.Equal("een", DutchAnalyzer.Fold("één"));
        Assert.Empty(DutchAnalyzer.Analyze("één"));
        Assert.Equal([new("loket", 1)], DutchAnalyzer.Analyze("één loket"));
    }

    [Theory]
    [InlineData("Cliënt-Café, 2.5 ÉÉN", "client-cafe, 2.5 een")]
    [InlineData("Straße Æon ĳs Øresund", "strasse aeon ijs oresund")]
    [InlineData("e\u0301e\u0301n", "een")]
    [InlineData("zelf\u00ADstandig", "zelfstandig")]
    [InlineData("Ελλάδα", "ελλάδα")]
    [InlineData("", "")]
    public void Fold_lower_cases_and_removes_diacritics_and_nothing_else(string text, string folded) =>
        Assert.Equal(folded, DutchAnalyzer.Fold(text));

    [Fact]
    public void Fold_returns_folded_text_as_is()
    {
        const string text = "al gevouwen, 100%";

        Assert.Same(text, DutchAnalyzer.Fold(text));
    }

    /// <summary>
    /// The stemmer alone folds only umlauts and acute accents (the reference keeps "crème" as
    /// "crèm"); folding first takes the rest off too. For every reference word this must give
    /// the reference stem wherever the stemmer folds on its own, and the unaccented word's term
    /// everywhere else.
    /// </summary>
    [Fact]
    public void Folding_before_stemming_agrees_with_the_reference_stems()
    {
        var (words, stems) = ReferenceData.Load();
        var problems = new List<string>();
        for (var i = 0; i < words.Length && problems.Count < 20; i++)
        {
            var term = DutchAnalyzer.AnalyzeQueryTerm(words[i]);
            var expected = OnlyStemmerFoldedDiacritics(words[i])
                ? (DutchStopWords.Contains(Unaccented(words[i])) ? null : stems[i])
                : DutchAnalyzer.AnalyzeQueryTerm(Unaccented(words[i]));
            if (term != expected)
            {
                problems.Add($"'{words[i]}': expected '{expected}', analyzed '{term}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static bool OnlyStemmerFoldedDiacritics(string word) =>
        word.All(c => c is >= 'a' and <= 'z' || "äëïöüáéíóú".Contains(c, StringComparison.Ordinal));

    /// <summary>An independent fold (Unicode decomposition minus marks) to check ours against.</summary>
    private static string Unaccented(string word) => new([
        .. word.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark),
    ]);
}
