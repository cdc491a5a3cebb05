using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Search;
using static KnowledgePlatform.Tests.Search.SearchTestSupport;

namespace KnowledgePlatform.Tests.Search;

/// <summary>
/// The one contract every <see cref="ISearchEngine"/> passes, run unchanged on SQLite (FTS5) and
/// PostgreSQL (tsvector), through the real app: publish → outbox → index → search.
/// </summary>
public abstract partial class SearchEngineContractTests(PlatformFixture fixture)
{
    private readonly SearchTestSupport search = new(fixture.Factory);

    [Fact]
    public async Task Demo_content_is_findable_by_speaker_and_title_words()
    {
        await Eventually.AssertAsync(async () =>
        {
            var helderman = await search.SearchAsync("Helderman");
            Assert.Contains(helderman.Hits, h => h.Type == SearchDocument.PersonType && h.Title.Contains("Helderman", StringComparison.Ordinal));
            Assert.Contains(helderman.Hits, h => h.Type == "event");
            var patronen = await search.SearchAsync("patronen doorbreken");
            Assert.Contains("Patronen doorbreken", patronen.Hits[0].Title, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Stemming_and_folding_find_other_forms_of_a_word()
    {
        var m = Marker();
        var key = await search.PublishIndexedAsync(m, Article($"Verslag {m}", "<p>De clienten kwamen naar de bijeenkomst.</p>"));

        foreach (var query in new[] { "cliënten", "client", "bijeenkomsten", "Bijeenkomst" })
        {
            Assert.Contains((await search.SearchAsync($"{query} {m}")).Hits, h => h.Key == key);
        }
    }

    [Fact]
    public async Task Hyphenated_compounds_are_found_written_apart_joined_or_hyphenated()
    {
        var m = Marker();
        var key = await search.PublishIndexedAsync(m, Article($"Compound {m}", "<p>De kracht van het sociaal-domein ligt lokaal.</p>"));

        foreach (var query in new[] { "sociaal domein", "sociaal-domein", "sociaaldomein", "\"sociaal domein ligt\"", "\"kracht van het sociaal-domein\"" })
        {
            Assert.Contains((await search.SearchAsync($"{query} {m}")).Hits, h => h.Key == key);
        }
    }

    [Fact]
    public async Task Quoted_phrase_needs_the_words_next_to_each_other()
    {
        var m = Marker();
        var adjacent = await search.PublishIndexedAsync(m, Article($"Een {m}", "<p>Lokale inclusie werkt.</p>"));
        var apart = await search.PublishIndexedAsync(m, Article($"Twee {m}", "<p>Inclusie is een lokale zaak.</p>"));

        var hits = (await search.SearchAsync($"\"lokale inclusie\" {m}")).Hits;
        Assert.Contains(hits, h => h.Key == adjacent);
        Assert.DoesNotContain(hits, h => h.Key == apart);
    }

    [Fact]
    public async Task Words_are_ANDed_minus_excludes_and_OR_gives_alternatives()
    {
        var m = Marker();
        var fiets = await search.PublishIndexedAsync(m, Article($"Fiets {m}", "<p>Fietsen in de stad.</p>"));
        var wandel = await search.PublishIndexedAsync(m, Article($"Wandel {m}", "<p>Wandelen in het park.</p>"));
        var beide = await search.PublishIndexedAsync(m, Article($"Beide {m}", "<p>Fietsen en wandelen.</p>"));

        Assert.Equal([beide], Keys(await search.SearchAsync($"fietsen wandelen {m}")));
        Assert.Equal([fiets], Keys(await search.SearchAsync($"fietsen -wandelen {m}")));
        Assert.Equal([fiets], Keys(await search.SearchAsync($"{m} -\"fietsen en wandelen\" -park")));
        Assert.Equal(new[] { fiets, wandel, beide }.Order(), Keys(await search.SearchAsync($"fietsen OR wandelen {m}")).Order());
        Assert.Equal(3, (await search.SearchAsync(m)).Total);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var m = Marker();
        var word = Marker();
        var inBody = await search.PublishIndexedAsync(m, Article($"Iets anders {m}", $"<p>Hier staat {word} in de tekst.</p>"));
        var inTitle = await search.PublishIndexedAsync(m, Article($"Over {word}", $"<p>Tekst {m}.</p>"));

        Assert.Equal([inTitle, inBody], Keys(await search.SearchAsync(word)));
    }

    [Fact]
    public async Task Unpublished_and_deleted_items_disappear_from_search()
    {
        var m = Marker();
        var unpublished = await search.PublishIndexedAsync(m, Article($"Offline {m}", "<p>Tekst.</p>"));
        var deleted = await search.PublishIndexedAsync(m, Article($"Weg {m}", "<p>Tekst.</p>"));

        await search.UnpublishAsync(unpublished);
        await search.DeleteAsync(deleted);

        await Eventually.AssertAsync(async () => Assert.Empty((await search.SearchAsync(m)).Hits));
    }

    [Fact]
    public async Task A_person_is_findable_while_a_published_item_names_them()
    {
        var m = Marker();
        var person = await search.AddPersonAsync($"Anna {m}");
        var first = await search.PublishIndexedAsync(m, Article($"Eerste {m}", "<p>Tekst.</p>") with { Authors = [person] });
        var second = await search.PublishIndexedAsync(m, Article($"Tweede {m}", "<p>Tekst.</p>") with { Authors = [person] });
        Assert.Contains((await search.SearchAsync(m)).Hits, h => h.Key == person && h.Type == SearchDocument.PersonType);

        await search.UnpublishAsync(first);
        await Eventually.AssertAsync(async () => Assert.Equal(2, (await search.SearchAsync(m)).Total));
        await search.DeleteAsync(second);
        await Eventually.AssertAsync(async () => Assert.Equal(0, (await search.SearchAsync(m)).Total));
    }

    [Fact]
    public async Task Results_page_and_sort_by_date()
    {
        var m = Marker();
        var older = await search.PublishIndexedAsync(m, TestContent.Event(title: $"Oud {m}", start: new DateTimeOffset(2024, 1, 10, 10, 0, 0, TimeSpan.Zero)));
        var newer = await search.PublishIndexedAsync(m, TestContent.Event(title: $"Nieuw {m}", start: new DateTimeOffset(2031, 1, 10, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal([newer, older], Keys(await search.SearchAsync(m, sort: SearchSort.Date)));
        var second = await search.SearchAsync(m, sort: SearchSort.Date, page: 2, pageSize: 1);
        Assert.Equal(2, second.Total);
        Assert.Equal([older], Keys(second));
    }

    [Fact]
    public async Task Upcoming_only_keeps_events_that_have_not_started()
    {
        var m = Marker();
        await search.PublishIndexedAsync(m, TestContent.Event(title: $"Geweest {m}", start: new DateTimeOffset(2024, 1, 10, 10, 0, 0, TimeSpan.Zero)));
        await search.PublishIndexedAsync(m, Article($"Artikel {m}", "<p>Tekst.</p>"));
        var coming = await search.PublishIndexedAsync(m, TestContent.Event(title: $"Komt {m}", start: new DateTimeOffset(2031, 1, 10, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal([coming], Keys(await search.SearchAsync(m, upcomingFromUtc: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
    }

    private static Guid[] Keys(SearchResult result) => [.. result.Hits.Select(h => h.Key)];
}
