using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Newsletter;

public static partial class NewsletterTestSupport
{
    /// <summary>POSTs the JSON sign-up as if from <paramref name="ip"/> (TestServer lets us set the remote address).</summary>
    public static async Task<HttpStatusCode> SignUpApiAsync(this PlatformFactory app, object body, IPAddress ip)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/newsletter/subscriptions") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Test-Remote-Address", ip.ToString());
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Publishes an article and an issue with one section "Alles" holding it; returns the issue's key.</summary>
    public static async Task<Guid> PublishIssueWithOneArticleAsync(this PlatformFactory app, string title, string slug)
    {
        var item = await app.PublishAsync(TestContent.Article());
        return await app.PublishAsync(new NewsletterIssueContent
        {
            Title = title,
            Slug = TestContent.UniqueSlug(slug),
            Sections = [new NewsletterSection { Title = "Alles", Items = [item] }],
        });
    }

    /// <summary>Active subscribers straight into the table (what confirmed sign-ups leave behind), fast enough for 10,000.</summary>
    public static Task<List<long>> AddActiveSubscribersAsync(this PlatformFactory app, int count, string prefix = "lezer", bool all = true, IEnumerable<Guid>? terms = null) =>
        app.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            var now = DateTime.UtcNow.AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond));
            var rows = Enumerable.Range(0, count).Select(i => new Subscriber
            {
                Email = $"{prefix}{i}@example.nl",
                Name = i % 3 == 0 ? null : $"Lezer {i}",
                Status = SubscriberStatus.Active,
                AllTopics = all,
                Terms = Subscriber.TermsText(terms ?? []),
                CreatedUtc = now,
                ConfirmedUtc = now,
                UpdatedUtc = now,
                Source = "test",
            }).ToList();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });

    public static Task<List<MailLedgerEntry>> LedgerAsync(this PlatformFactory app, long? group = null) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MailLedgerEntry>().AsNoTracking().Where(m => group == null || m.GroupId == group).OrderBy(m => m.Id).ToListAsync());

    public static Task<Subscriber> SubscriberAsync(this PlatformFactory app, string email) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<Subscriber>().AsNoTracking().SingleAsync(s => s.Email == email));

    public static T Service<T>(this IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();

    /// <summary>The first https/http link in a text body that contains <paramref name="path"/>.</summary>
    public static string LinkIn(string text, string path) =>
        Links().Matches(text).Select(m => m.Value).First(u => u.Contains(path, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();
}
