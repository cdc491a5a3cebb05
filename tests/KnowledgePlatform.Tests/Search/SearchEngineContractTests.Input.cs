using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Search;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgePlatform.Tests.Search.SearchTestSupport;

namespace KnowledgePlatform.Tests.Search;

public abstract partial class SearchEngineContractTests
{
    public static TheoryData<string> HostileQueries =>
    [
        "\"unbalanced", "\"", "\"\"", "-", "--", "- -", "OR", "OR OR", "a OR", "-\"", "*", "inclusie*", "(", ")", "(inclusie", "NEAR(a b)",
        "NEAR", "title:inclusie", "col:term", "{title}: x", "^inclusie", "a AND", "AND", "NOT", "a NOT b", "\0", "\u0001\u0007\u001b[31m",
        "x\u0000y", "'", "''", "\\", "a\\'b", "!inclusie", "a & b | c", "a <-> b", "a:*", "a:B", "🙂", "<script>", "100.000+",
        "-inclusie", "-\"lokale inclusie\"", "het de een",
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_input_is_safe_and_never_throws(string query)
    {
        var result = await search.SearchAsync(query);
        Assert.NotNull(result.Hits);
        Assert.Null(result.Notice);
    }

    [Fact]
    public async Task Over_long_queries_are_cut_with_a_notice()
    {
        var huge = string.Concat(Enumerable.Repeat("inclusie \"(* NEAR col:x -", 500));
        Assert.True(huge.Length > 10_000);

        var result = await search.SearchAsync(huge);
        Assert.NotNull(result.Notice);
        Assert.NotNull((await search.SearchAsync(new string('a', 10_000))).Notice);
    }

    [Fact]
    public async Task A_misspelled_query_that_finds_nothing_suggests_one_that_does()
    {
        var m = Marker();
        await search.PublishIndexedAsync(m, Article($"Titel {m}", "<p>Tekst.</p>"));
        var typo = m[..^1] + (m[^1] == 'b' ? 'c' : 'b');

        var result = await search.SearchAsync($"de {typo} -fietsen");
        Assert.Equal(0, result.Total);
        Assert.Equal($"de {m} -fietsen", result.DidYouMean);
        Assert.Null((await search.SearchAsync(m)).DidYouMean);
        await Eventually.AssertAsync(async () => Assert.Equal("helderman", (await search.SearchAsync("Heldermn")).DidYouMean));
        Assert.Null((await search.SearchAsync("xqxqxqxqxq")).DidYouMean);
    }

    [Fact]
    public async Task As_you_type_the_last_word_matches_as_a_prefix()
    {
        var m = Marker();
        var key = await search.PublishIndexedAsync(m, Article($"Organisaties {m}", "<p>Tekst.</p>"));

        var typed = await fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<ISearchEngine>()
            .SearchAsync(new SearchQuery($"{m} organisati", Prefix: true), TestContext.Current.CancellationToken));
        Assert.Equal([key], typed.Hits.Select(h => h.Key));
        Assert.Empty((await search.SearchAsync($"{m} organisati")).Hits);
        var hostile = await fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<ISearchEngine>()
            .SearchAsync(new SearchQuery("\"a* NEAR(x:*", Prefix: true), TestContext.Current.CancellationToken));
        Assert.NotNull(hostile);
    }

    [Fact]
    public async Task Snippets_escape_content_and_mark_the_matched_words()
    {
        var m = Marker();
        await search.PublishIndexedAsync(m, Article($"Veilig {m}", "<p>Let op: &lt;script&gt;alert(1)&lt;/script&gt; bij de bijeenkomsten &amp; meer.</p>"));

        var snippet = (await search.SearchAsync($"bijeenkomst {m}")).Hits.Single().Snippet;
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>bijeenkomsten</mark>", snippet, StringComparison.Ordinal);
        Assert.Equal(snippet.Split("<mark>").Length - 1, snippet.Split("</mark>").Length - 1);
        Assert.DoesNotMatch("<(?!/?mark>)", snippet);
    }

    [Fact]
    public async Task Rebuild_replaces_the_index_from_content_and_keeps_it_whole()
    {
        var m = Marker();
        var key = await search.PublishIndexedAsync(m, Article($"Herbouw {m}", "<p>Tekst.</p>"));

        var count = await fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<RebuildSearchIndex.Handler>().HandleAsync(null, TestContext.Current.CancellationToken));
        Assert.True(count > 10);
        Assert.Equal([key], (await search.SearchAsync(m)).Hits.Select(h => h.Key));
        Assert.NotEmpty((await search.SearchAsync("Helderman")).Hits);
    }

    [Fact]
    public async Task Rebuild_keeps_search_answering_and_keeps_what_was_published_meanwhile()
    {
        var before = Marker();
        var during = Marker();
        var old = await search.PublishIndexedAsync(before, Article($"Voor {before}", "<p>Tekst.</p>"));
        Guid? published = null;
        var answeredMeanwhile = false;

        // Reported after each batch of the new index is written, before the swap: search the live
        // index, then publish an item and wait until the outbox has indexed it (into the old tables).
        var progress = new InlineProgress(_ =>
        {
            if (published is null)
            {
                answeredMeanwhile = search.SearchAsync(before).GetAwaiter().GetResult().Hits.Any(h => h.Key == old);
                published = search.PublishIndexedAsync(during, Article($"Tijdens {during}", "<p>Tekst.</p>")).GetAwaiter().GetResult();
            }
        });
        await fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<RebuildSearchIndex.Handler>().HandleAsync(progress, TestContext.Current.CancellationToken));

        Assert.True(answeredMeanwhile);
        Assert.Equal([published!.Value], (await search.SearchAsync(during)).Hits.Select(h => h.Key));
        Assert.Equal([old], (await search.SearchAsync(before)).Hits.Select(h => h.Key));
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

public sealed class SearchEngineContractTests_Sqlite(SqliteDemoFixture fixture) : SearchEngineContractTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class SearchEngineContractTests_Postgres(PostgresDemoFixture fixture) : SearchEngineContractTests(fixture), IClassFixture<PostgresDemoFixture>;
