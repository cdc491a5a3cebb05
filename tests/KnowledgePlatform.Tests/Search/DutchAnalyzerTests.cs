using System.Globalization;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Tests.Search;

/// <summary>How Dutch as written becomes index terms: compounds, apostrophes, numbers, stop words.</summary>
public sealed class DutchAnalyzerTests
{
    [Fact]
    public void A_hyphenated_compound_is_indexed_joined_and_as_its_parts() =>
        Assert.Equal(
            [new("sociaaldomein", 0), new("sociaal", 0), new("domein", 1)],
            DutchAnalyzer.Analyze("sociaal-domein"));

    [Theory]
    [InlineData("sociaal domein")]
    [InlineData("sociaal-domein")]
    [InlineData("sociaaldomein")]
    [InlineData("Sociaal-Domein")]
    public void Every_spelling_of_a_compound_finds_a_document_that_hyphenates_it(string query)
    {
        var document = Terms("Nieuws uit het sociaal-domein van de gemeente");

        foreach (var word in query.Split(' '))
        {
            Assert.Contains(DutchAnalyzer.AnalyzeQueryTerm(word), document);
        }
    }

    [Fact]
    public void Words_after_a_compound_keep_their_place_behind_its_last_part() =>
        Assert.Equal(
            [new("noordhollandzuid", 0), new("noord", 0), new("holland", 1), new("zuid", 2), new("regio", 3)],
            DutchAnalyzer.Analyze("Noord-Holland-Zuid regio"));

    [Fact]
    public void A_dangling_hyphen_an_en_dash_and_a_number_range_do_not_join()
    {
        Assert.Equal([new("sociaal", 0), new("jeugddomein", 2)], DutchAnalyzer.Analyze("sociaal- en jeugddomein"));
        Assert.Equal([new("9", 0), new("12", 1), new("uur", 2)], DutchAnalyzer.Analyze("9–12 uur"));
        Assert.Equal([new("2023", 0), new("2024", 1)], DutchAnalyzer.Analyze("2023-2024"));
    }

    [Fact]
    public void Letters_and_digits_joined_by_a_hyphen_are_a_compound() =>
        Assert.Equal([new("covid19", 0), new("covid", 0), new("19", 1)], DutchAnalyzer.Analyze("covid-19"));

    [Theory]
    [InlineData("auto's", "auto")]
    [InlineData("auto’s", "auto")]
    [InlineData("cliënt's", "client")]
    [InlineData("Jan's", "jan")]
    [InlineData("baby's", "baby")]
    public void A_plural_or_possessive_apostrophe_s_is_dropped(string word, string term) =>
        Assert.Equal([new(term, 0)], DutchAnalyzer.Analyze(word));

    [Fact]
    public void Any_other_apostrophe_separates_words() =>
        Assert.Equal([new("n", 1), new("huis", 2)], DutchAnalyzer.Analyze("zo'n huis"));

    [Fact]
    public void Stop_words_are_dropped_but_keep_their_positions() =>
        Assert.Equal(
            [new("kracht", 1), new("sociaal", 4), new("domein", 5)],
            DutchAnalyzer.Analyze("De kracht van het sociaal domein"));

    [Fact]
    public void The_stop_list_is_snowballs_101_words()
    {
        Assert.Equal(101, DutchStopWords.All.Count);
        Assert.True(DutchStopWords.Contains("andere"));
        Assert.False(DutchStopWords.Contains("gemeente"));
    }

    [Theory]
    [InlineData("100.000+ deelnemers", "100.000")]
    [InlineData("2.5.", "2.5")]
    [InlineData("2,5 procent", "2,5")]
    [InlineData("€ 1.250,- per jaar", "1.250")]
    [InlineData("1000", "1000")]
    public void A_number_is_one_token_as_written_and_not_stemmed(string text, string number) =>
        Assert.Equal(number, DutchAnalyzer.Analyze(text)[0].Term);

    [Fact]
    public void A_point_between_a_number_and_a_word_ends_the_number() =>
        Assert.Equal([new("2023", 0), new("nieuw", 1)], DutchAnalyzer.Analyze("2023.Nieuwe"));

    [Fact]
    public void Words_are_stemmed_so_inflections_meet() =>
        Assert.Equal(Terms("gemeente"), Terms("gemeenten"));

    [Fact]
    public void Lower_casing_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            Assert.Equal(Terms("informatie"), Terms("INFORMATIE"));
            Assert.Equal("ijsselmeer", DutchAnalyzer.Fold("IJSSELMEER"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_query_term_is_the_term_the_index_holds()
    {
        Assert.Equal("client", DutchAnalyzer.AnalyzeQueryTerm("Cliënten"));
        Assert.Equal("sociaaldomein", DutchAnalyzer.AnalyzeQueryTerm("sociaal-domein"));
        Assert.Equal("100.000", DutchAnalyzer.AnalyzeQueryTerm("100.000+"));
        Assert.Null(DutchAnalyzer.AnalyzeQueryTerm("de"));
        Assert.Null(DutchAnalyzer.AnalyzeQueryTerm(" ?! "));
        Assert.Null(DutchAnalyzer.AnalyzeQueryTerm(null));
    }

    internal static string[] Terms(string text) => [.. DutchAnalyzer.Analyze(text).Select(token => token.Term)];
}
