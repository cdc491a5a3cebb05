using System.Net;
using KnowledgePlatform.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>Sign-in posts are limited per client address, on top of the per-account lockout.</summary>
public sealed class RateLimitTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_429_with_a_Dutch_page()
    {
        await using var limited = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:LoginAttemptsPerMinute", "3"));
        using var client = limited.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await BackOfficeUsers.LogInAsync(client, "iemand@example.nl", "Fout-Wachtwoord-1x");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Te veel pogingen", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var page = await client.GetAsync("/beheer/inloggen", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // viewing the form is not limited
    }
}
