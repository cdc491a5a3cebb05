using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Api;

/// <summary>The read-only delivery API over the demo content, on each provider.</summary>
public abstract class ContentApiTests(PlatformFixture fixture)
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_published_content_filtered_by_type_theme_region_and_speaker()
    {
        var events = await GetJson("/api/v1/content?type=event&type=workshop&pageSize=100");
        Assert.Equal(6, events.GetProperty("total").GetInt32()); // five seed events and the demo workshop for registrations
        Assert.All(Items(events), i => Assert.True(i.GetProperty("type").GetString() is "event" or "workshop"));

        var utrecht = await GetJson("/api/v1/content?region=utrecht&pageSize=100");
        Assert.All(Items(utrecht), i => Assert.Contains(i.GetProperty("terms").EnumerateArray(), t => t.GetProperty("slug").GetString() == "utrecht"));
        Assert.NotEmpty(Items(utrecht));

        var bySpeaker = await GetJson("/api/v1/content?speaker=jan-kees-helderman");
        Assert.Equal("vu-divosa-collegereeks-2020-patronen-doorbreken", Assert.Single(Items(bySpeaker)).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Date_range_paging_and_sorting_work_together()
    {
        var in2020 = await GetJson("/api/v1/content?type=event&from=2020-01-01&to=2020-12-31&sort=date");
        Assert.Equal(["vu-divosa-collegereeks-2020-patronen-doorbreken", "kansrijke-kiemen"], Items(in2020).Select(i => i.GetProperty("slug").GetString()));

        var first = await GetJson("/api/v1/content?pageSize=2&page=1&sort=title");
        var second = await GetJson("/api/v1/content?pageSize=2&page=2&sort=title");
        Assert.Equal(2, Items(first).Count);
        Assert.Empty(Items(first).Select(Key).Intersect(Items(second).Select(Key)));
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("type=podcast", "type")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=twee", "page")]
    [InlineData("pageSize=1e3", "pageSize")]
    [InlineData("from=6-10-2020", "from")]
    [InlineData("sort=random", "sort")]
    [InlineData("theme=bestaat-niet", "theme")]
    [InlineData("speaker=niemand", "speaker")]
    public async Task Bad_parameters_answer_400_with_problem_details(string query, string field)
    {
        var response = await client.GetAsync($"/api/v1/content?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Gets_an_item_by_key_and_by_slug_with_its_fields_people_and_related()
    {
        var bySlug = await GetJson("/api/v1/content/event/vu-divosa-collegereeks-2020-patronen-doorbreken");
        var key = bySlug.GetProperty("item").GetProperty("key").GetString();
        var byKey = await GetJson($"/api/v1/content/{key}");

        Assert.Equal(bySlug.ToString(), byKey.ToString());
        Assert.Equal("College 9. Politieke druk, bureaucratische routines en beleidsvrijheid",
            bySlug.GetProperty("fields").GetProperty("programme")[0].GetProperty("title").GetString());
        Assert.Contains(bySlug.GetProperty("people").EnumerateArray(), p => p.GetProperty("name").GetString() == "Dr. Jan-Kees Helderman");
        Assert.Equal("http://localhost:5000/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", bySlug.GetProperty("item").GetProperty("url").GetString());
        Assert.NotEmpty(bySlug.GetProperty("related").EnumerateArray());
    }

    [Fact]
    public async Task Unpublished_and_unknown_items_are_404_problem_details()
    {
        var body = TestContent.Article(title: "Nog niet gepubliceerd");
        var saved = await fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>()
            .HandleAsync(new SaveDraft.Command(null, body, "test"), Ct));

        foreach (var url in new[] { $"/api/v1/content/{saved.Key}", $"/api/v1/content/dossierArticle/{body.Slug}", $"/api/v1/content/{Guid.NewGuid()}" })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var list = await GetJson("/api/v1/content?type=dossierArticle&pageSize=100");
        Assert.DoesNotContain(Items(list), i => i.GetProperty("title").GetString() == "Nog niet gepubliceerd");
    }

    [Fact]
    public async Task Conditional_get_with_the_etag_answers_304_without_a_body()
    {
        const string url = "/api/v1/content/dossier/dossier-op-sociale-vraagstukken";
        var first = await client.GetAsync(url, Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        var second = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var doc = await GetJson("/openapi/v1.json");

        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/content", out _) || paths.TryGetProperty("/api/v1/content/", out _));
        Assert.True(paths.TryGetProperty("/api/v1/content/{key}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/content/{type}/{slug}", out _));

        // Read as text (so "page=twee" gets a Dutch 400), but documented as the integers they are.
        var list = paths.TryGetProperty("/api/v1/content", out var l) ? l : paths.GetProperty("/api/v1/content/");
        var paging = list.GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() is "page" or "pageSize").ToList();
        Assert.Equal(2, paging.Count);
        Assert.All(paging, p => Assert.Equal("integer", p.GetProperty("schema").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_validates_against_the_official_openapi_schema()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("kp-openapi-").FullName, "v1.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync("/openapi/v1.json", Ct), Ct);

        var start = new System.Diagnostics.ProcessStartInfo("node", [TestTools.OpenApiValidator, file]) { RedirectStandardOutput = true };
        using var node = System.Diagnostics.Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync(Ct);
        await node.WaitForExitAsync(Ct);

        var result = JsonDocument.Parse(output).RootElement;
        Assert.True(result.GetProperty("valid").GetBoolean(), output);
        Assert.Equal("3.1", result.GetProperty("version").GetString());
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static string? Key(JsonElement item) => item.GetProperty("key").GetString();
}

public sealed class ContentApiTests_Sqlite(SqliteDemoFixture fixture) : ContentApiTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class ContentApiTests_Postgres(PostgresDemoFixture fixture) : ContentApiTests(fixture), IClassFixture<PostgresDemoFixture>;
