using System.Net;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Site;

/// <summary>
/// Error statuses from a form post are re-executed as a POST to the error page; it must answer them
/// with the Dutch page and the original status, not with an antiforgery refusal of its own.
/// </summary>
public sealed class ErrorPageTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(429, "Te veel pogingen")]
    [InlineData(403, "Geen toegang")]
    [InlineData(404, "Pagina niet gevonden")]
    public async Task A_posted_error_status_gets_the_dutch_error_page_with_that_status(int status, string title)
    {
        var response = await client.PostAsync($"/fout/{status}", new FormUrlEncodedContent([]), Ct);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Contains($"<title>{title}", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_refused_with_a_dutch_page()
    {
        var response = await client.PostAsync("/agenda", new FormUrlEncodedContent([new("q", "x")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Er ging iets mis", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
