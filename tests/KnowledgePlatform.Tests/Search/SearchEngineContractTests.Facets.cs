using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgePlatform.Tests.Search.SearchTestSupport;

namespace KnowledgePlatform.Tests.Search;

public abstract partial class SearchEngineContractTests
{
    [Fact]
    public async Task Facet_counts_apply_the_other_filters_OR_within_and_AND_across()
    {
        var m = Marker();
        var socialDomain = await search.TermAsync(Vocabulary.ThemeAlias, "sociaal-domein");
        var transformation = await search.TermAsync(Vocabulary.ThemeAlias, "transformatie");
        var utrecht = await search.TermAsync(Vocabulary.RegionAlias, "utrecht");
        var amsterdam = await search.TermAsync(Vocabulary.RegionAlias, "amsterdam");
        await search.PublishIndexedAsync(m, Article($"A {m}", "<p>Tekst.</p>", [socialDomain, utrecht]));
        await search.PublishIndexedAsync(m, Article($"B {m}", "<p>Tekst.</p>", [socialDomain, amsterdam]));
        await search.PublishIndexedAsync(m, Article($"C {m}", "<p>Tekst.</p>", [transformation, utrecht]));

        var inUtrecht = await search.SearchAsync(m, Filters((SearchFacets.Region, ["utrecht"])));
        Assert.Equal(2, inUtrecht.Total);
        Assert.Equal([("sociaal-domein", 1, false), ("transformatie", 1, false)], Counts(inUtrecht, SearchFacets.Theme));
        Assert.Equal([("amsterdam", 1, false), ("utrecht", 2, true)], Counts(inUtrecht, SearchFacets.Region));
        Assert.Equal([("dossierArticle", 2, false)], Counts(inUtrecht, SearchFacets.Type));

        Assert.Equal(3, (await search.SearchAsync(m, Filters((SearchFacets.Region, ["utrecht", "amsterdam"])))).Total);

        var none = await search.SearchAsync(m, Filters((SearchFacets.Theme, ["transformatie"]), (SearchFacets.Region, ["amsterdam"])));
        Assert.Equal(0, none.Total);
        Assert.Contains(("amsterdam", 0, true), Counts(none, SearchFacets.Region));
        Assert.Contains(("transformatie", 0, true), Counts(none, SearchFacets.Theme));
        Assert.Contains(none.Facets[SearchFacets.Region], f => f.Value == "amsterdam" && f.Label == "Amsterdam");
    }

    [Fact]
    public async Task Speaker_organisation_and_year_facets_come_from_the_item()
    {
        await Eventually.AssertAsync(async () =>
        {
            var result = await search.SearchAsync("patronen doorbreken", Filters((SearchFacets.Speaker, ["jan-kees-helderman"])));
            Assert.True(result.Total >= 1);
            Assert.Contains(result.Facets[SearchFacets.Year], f => f.Value == "2020" && f.Count >= 1);
            Assert.Contains(result.Facets[SearchFacets.Speaker], f => f.Value == "jan-kees-helderman" && f.Selected && f.Label.Contains("Helderman", StringComparison.Ordinal));
            Assert.NotEmpty(result.Facets[SearchFacets.Organisation]);
        });
    }

    [Fact]
    public async Task A_facet_shows_its_fifty_largest_values_and_a_selected_value_beyond_them_with_its_count()
    {
        var m = Marker();
        var people = new List<Guid>();
        for (var i = 0; i <= 50; i++)
        {
            people.Add(await search.AddPersonAsync($"Spreker {i} {Marker()}"));
        }

        // Speakers 0–49 are on both articles, speaker 50 on one: 51 values, the last with the fewest matches.
        await search.PublishIndexedAsync(m, Article($"A {m}", "<p>Tekst.</p>") with { Authors = people });
        await search.PublishIndexedAsync(m, Article($"B {m}", "<p>Tekst.</p>") with { Authors = people[..50] });
        var slugs = await fixture.Factory.InScopeAsync(sp => PlatformFactory.Db(sp).People.Where(p => people.Contains(p.Key))
            .ToDictionaryAsync(p => p.Key, p => p.Slug, TestContext.Current.CancellationToken));
        var last = slugs[people[50]];

        var all = await search.SearchAsync(m);
        var speakers = Counts(all, SearchFacets.Speaker);
        Assert.Equal(50, speakers.Length);
        Assert.All(speakers, s => Assert.Equal(2, s.Item2));
        Assert.DoesNotContain(speakers, s => s.Item1 == last);

        var chosen = await search.SearchAsync(m, Filters((SearchFacets.Speaker, [last])));
        Assert.Equal(1, chosen.Total);
        // Other speakers still count over both articles (OR within the facet); the chosen one is shown with its own count, not 0.
        Assert.Contains((last, 1, true), Counts(chosen, SearchFacets.Speaker));
        Assert.Equal(51, Counts(chosen, SearchFacets.Speaker).Length);
    }

    [Fact]
    public async Task Facet_counts_over_more_matches_than_the_sample_are_estimated_and_flagged_while_the_total_stays_exact()
    {
        var m = Marker();
        for (var i = 0; i < 12; i++)
        {
            await search.PublishIndexedAsync(m, Article($"Schatting {i} {m}", "<p>Tekst.</p>"));
        }

        var estimated = await fixture.Factory.InScopeAsync(sp =>
        {
            var engine = (SqlSearchEngine)sp.GetRequiredService<ISearchEngine>();
            engine.FacetSampleSize = 4;
            return engine.SearchAsync(new SearchQuery(m), TestContext.Current.CancellationToken);
        });

        Assert.Equal(12, estimated.Total);
        Assert.True(estimated.FacetCountsEstimated);
        // Every third match by id is counted (12 / 4), scaled back up: all twelve are articles. Ids
        // interleave with other tests' documents, so a sample may, rarely, hold none of these.
        var types = Counts(estimated, SearchFacets.Type);
        Assert.True(types.Length == 0 || types.SequenceEqual([("dossierArticle", 12, false)]), string.Join(", ", types));
        var exact = await search.SearchAsync(m);
        Assert.False(exact.FacetCountsEstimated);
        Assert.Equal([("dossierArticle", 12, false)], Counts(exact, SearchFacets.Type));
    }

    private static Dictionary<string, IReadOnlyList<string>> Filters(params (string Facet, string[] Values)[] filters) =>
        filters.ToDictionary(f => f.Facet, f => (IReadOnlyList<string>)f.Values);

    private static (string, int, bool)[] Counts(SearchResult result, string facet) =>
        [.. result.Facets[facet].Select(f => (f.Value, f.Count, f.Selected)).Order()];
}
