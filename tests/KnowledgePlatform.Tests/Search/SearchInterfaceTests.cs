using System.Net;
using System.Text.Json;
using KnowledgePlatform.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgePlatform.Tests.Search;

/// <summary>GET /api/v1/search and the /zoeken page over the demo content, on each provider.</summary>
public abstract class SearchInterfaceTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_returns_hits_with_snippets_and_facets()
    {
        await Eventually.AssertAsync(async () =>
        {
            var json = await GetJson("/api/v1/search?q=patronen+doorbreken&theme=sociaal-domein&pageSize=5");
            Assert.True(json.GetProperty("total").GetInt32() >= 1);
            Assert.Equal(1, json.GetProperty("page").GetInt32());
            Assert.Equal(5, json.GetProperty("pageSize").GetInt32());
            var hit = json.GetProperty("hits")[0];
            Assert.Contains("Patronen doorbreken", hit.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("http", hit.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Contains("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
            Assert.Equal("event", hit.GetProperty("type").GetString());
            var theme = json.GetProperty("facets").GetProperty("theme").EnumerateArray().Single(f => f.GetProperty("value").GetString() == "sociaal-domein");
            Assert.True(theme.GetProperty("selected").GetBoolean());
            Assert.True(theme.GetProperty("count").GetInt32() >= 1);
            Assert.Equal(JsonValueKind.Null, json.GetProperty("didYouMean").ValueKind);
            Assert.False(json.GetProperty("facetCountsEstimated").GetBoolean());
        });
    }

    [Fact]
    public async Task Estimated_facet_counts_are_flagged_in_the_api_and_said_so_on_the_page()
    {
        var estimating = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Search:FacetSampleSize", "1")).CreateClient();
        await Eventually.AssertAsync(async () =>
        {
            var json = JsonDocument.Parse(await estimating.GetStringAsync("/api/v1/search?q=bijeenkomst", Ct)).RootElement;
            Assert.True(json.GetProperty("total").GetInt32() >= 2);
            Assert.True(json.GetProperty("facetCountsEstimated").GetBoolean());
            var html = await estimating.GetStringAsync("/zoeken?q=bijeenkomst", Ct);
            Assert.Contains("Bij zoveel resultaten zijn de aantallen per filter geschat.", html, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("geschat", await client.GetStringAsync("/zoeken?q=bijeenkomst", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type=podcast", "type")]
    [InlineData("year=twintig", "year")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("sort=random", "sort")]
    [InlineData("page=twee", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=tien", "pageSize")]
    [InlineData("upcoming=ja", "upcoming")]
    public async Task Api_answers_400_problem_details_for_invalid_parameters(string query, string field)
    {
        var response = await client.GetAsync($"/api/v1/search?q=inclusie&{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("De zoekvraag bevat ongeldige parameters.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for '{field}'");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Api_survives_hostile_queries_and_reports_cut_ones()
    {
        var hostile = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("\"(* NEAR col:term \u0001 -"), Ct);
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);

        var json = await GetJson("/api/v1/search?q=" + new string('a', 10_000)[..6000]);
        Assert.Equal(JsonValueKind.String, json.GetProperty("notice").ValueKind);
    }

    [Fact]
    public async Task Api_is_in_the_OpenAPI_document()
    {
        var document = await client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("\"/api/v1/search\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/search/suggest\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_page_works_without_javascript_with_facets_as_fieldsets_and_an_announced_count()
    {
        await Eventually.AssertAsync(async () =>
        {
            var html = await client.GetStringAsync("/zoeken?q=Helderman&type=event", Ct);
            Assert.Contains("<form method=\"get\" action=\"/zoeken\"", html, StringComparison.Ordinal);
            Assert.Contains("role=\"status\"", html, StringComparison.Ordinal);
            Assert.Matches("role=\"status\"[^>]*>[1-9][0-9]* resulta", html);
            Assert.Contains("<fieldset", html, StringComparison.Ordinal);
            Assert.Contains("<legend class=\"utrecht-form-fieldset__legend\">Thema</legend>", html, StringComparison.Ordinal);
            Assert.Matches("name=\"type\" value=\"event\" checked", html);
            Assert.Contains("<mark>Helderman</mark>", html, StringComparison.Ordinal);
            Assert.Contains(">Bijeenkomst", html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Suggest_offers_titles_people_and_themes_as_you_type() =>
        await Eventually.AssertAsync(async () =>
        {
            var people = (await GetJson("/api/v1/search/suggest?q=helde")).EnumerateArray().ToList();
            Assert.Contains(people, s => s.GetProperty("type").GetString() == "person" && s.GetProperty("label").GetString()!.Contains("Helderman", StringComparison.Ordinal));
            var themes = (await GetJson("/api/v1/search/suggest?q=transforma")).EnumerateArray().ToList();
            Assert.Contains(themes, s => s.GetProperty("type").GetString() == "theme" && s.GetProperty("url").GetString()!.EndsWith("/themas/transformatie", StringComparison.Ordinal));
            Assert.Equal(0, (await GetJson("/api/v1/search/suggest?q=")).GetArrayLength());
        });

    [Fact]
    public async Task Search_page_offers_a_suggestion_for_a_misspelling() =>
        await Eventually.AssertAsync(async () =>
            Assert.Contains("Bedoelde u <a class=\"utrecht-link\" href=\"/zoeken?q=helderman\">helderman</a>?",
                await client.GetStringAsync("/zoeken?q=Heldermn", Ct), StringComparison.Ordinal));

    [Fact]
    public async Task Search_page_escapes_the_query_and_ignores_bad_parameters_with_a_message()
    {
        var response = await client.GetAsync("/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&page=-4", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("ligt tussen 1 en 1000", html, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJson(string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url, Ct)).RootElement;
}

public sealed class SearchInterfaceTests_Sqlite(SqliteDemoFixture fixture) : SearchInterfaceTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class SearchInterfaceTests_Postgres(PostgresDemoFixture fixture) : SearchInterfaceTests(fixture), IClassFixture<PostgresDemoFixture>;
