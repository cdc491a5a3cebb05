using System.Text;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter.Benchmark;

/// <summary>
/// `newsletter benchmark-prepare`: on a benchmark database with a generated corpus, an issue of
/// about 30 KB as sent (an intro and sections of ten of the `Bench:Items` newest published items), `Bench:Subscribers`
/// active subscribers (one INSERT … SELECT) and a send of it, scheduled a year ahead so nothing
/// goes out until `newsletter benchmark-send` starts it.
/// </summary>
public static class SendBenchmarkData
{
    private const string Editor = "newsletter benchmark";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var settings = services.GetRequiredService<IConfiguration>();
        var count = settings.GetValue("Bench:Subscribers", 100_000);
        // 28 of the generated corpus's items make a message of about 30 KB, the size the issue asks
        // to measure (20 did when summaries were longer; the corpus now follows real word frequencies).
        var wanted = settings.GetValue("Bench:Items", 28);
        var db = services.GetRequiredService<KnowledgeDbContext>();
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Status == ContentStatus.Published && (i.Type == ContentType.Event || i.Type == ContentType.DossierArticle || i.Type == ContentType.MeetingReport))
            .OrderByDescending(i => i.UpdatedUtc).Select(i => i.Key).Take(wanted).ToListAsync(ct);
        if (items.Count < wanted)
        {
            await output.WriteLineAsync("Te weinig gepubliceerde items: genereer eerst een corpus (corpus generate).");
            return 1;
        }

        var intro = new StringBuilder();
        for (var i = 0; i < 4; i++)
        {
            intro.Append("<p>In deze editie leest u over de bijeenkomsten van de komende maanden, nieuwe verslagen en artikelen over ")
                .Append("inclusie, wonen, zorg en welzijn in de wijk. Gemeenten en partners delen wat werkt en wat niet.</p>");
        }

        var saved = await services.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, new NewsletterIssueContent
        {
            Title = "Nieuwsbrief benchmark – ‘één editie’",
            Slug = $"benchmark-{Guid.NewGuid():N}"[..20],
            Preheader = "De bijeenkomsten, verslagen en artikelen van deze maand",
            Intro = intro.ToString(),
            Sections = [.. items.Chunk(10).Select((chunk, i) => new NewsletterSection { Title = $"Rubriek {i + 1}", Items = [.. chunk] })],
        }, Editor), ct);
        await services.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(saved.Key, Editor), ct);
        var added = await AddSubscribersAsync(db, count, ct);
        var send = await services.GetRequiredService<PrepareSend.Handler>().HandleAsync(
            new PrepareSend.Command(saved.Key, DateTime.UtcNow.AddYears(1), Editor), ct);
        await output.WriteLineAsync($"{added} abonnees, verzending {send.Id} met {send.Recipients} ontvangers klaargezet.");
        return 0;
    }

    /// <summary>Numbered subscribers in one statement (a recursive CTE works on both providers).</summary>
    private static Task<int> AddSubscribersAsync(KnowledgeDbContext db, int count, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0})
            INSERT INTO "Subscribers" ("Email", "Name", "Status", "AllTopics", "Terms", "CreatedUtc", "ConfirmedUtc", "UpdatedUtc", "BounceCount", "Source")
            SELECT 'lezer' || CAST(i AS TEXT) || '@example.nl', CASE WHEN i % 3 = 0 THEN NULL ELSE 'Lezer ' || CAST(i AS TEXT) END,
                   {1}, {2}, '|', {3}, {3}, {3}, 0, 'benchmark'
            FROM n
            """, [count, (int)SubscriberStatus.Active, true, DateTime.UtcNow], ct);
}
