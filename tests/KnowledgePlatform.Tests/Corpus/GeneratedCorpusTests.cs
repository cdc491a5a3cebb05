using KnowledgePlatform.Tests.Search;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Corpus;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Tests.Corpus;

/// <summary>The benchmark corpus (`corpus generate`): deterministic, and shaped like real text and a real kennisplatform.</summary>
public sealed class GeneratedCorpusTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_same_seed_gives_the_same_items_and_another_seed_others()
    {
        Assert.Equal(Items(42, 60), Items(42, 60));
        Assert.NotEqual(Items(42, 60), Items(43, 60));
    }

    [Fact]
    public void Word_frequencies_are_Zipf_like_with_common_mid_and_rare_words_but_none_in_every_document()
    {
        var text = new DutchText(ReferenceData.Load().Words, new Random(42));
        const int documents = 2_000;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var (words, kept) = (0, 0);
        var tokens = new List<AnalyzedToken>();
        for (var d = 0; d < documents; d++)
        {
            text.StartDocument();
            var body = (text.Title() + " " + text.Paragraphs(5)).Replace("<p>", " ", StringComparison.Ordinal).Replace("</p>", " ", StringComparison.Ordinal);
            words += body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            tokens.Clear();
            DutchAnalyzer.Analyze(body, tokens);
            kept += tokens.Count;
            foreach (var term in tokens.Select(t => t.Term).Distinct())
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }

        var shares = frequency.Values.Select(n => n / (double)documents).OrderDescending().ToList();
        Assert.InRange(shares[0], 0.10, 0.70);
        Assert.InRange(shares.Count(s => s >= 0.02), 100, 5_000);
        Assert.True(shares.Count(s => s <= 0.005) > shares.Count / 2, "most words should be rare");
        // Function words (dropped by the analyzer) are about half of real Dutch running text.
        Assert.InRange(1 - (kept / (double)words), 0.30, 0.60);
    }

    [Fact]
    public void Content_types_come_in_a_kennisplatforms_proportions()
    {
        var types = Generate(42, 2_000).Select(i => i.Item.Type).ToList();
        double Share(params ContentType[] t) => types.Count(t.Contains) / (double)types.Count;

        Assert.InRange(Share(ContentType.DossierArticle), 0.35, 0.45);
        Assert.InRange(Share(ContentType.Event, ContentType.Workshop), 0.28, 0.38);
        Assert.InRange(Share(ContentType.MeetingReport), 0.12, 0.18);
        Assert.InRange(Share(ContentType.Dossier), 0.02, 0.06);
        Assert.InRange(Share(ContentType.NewsletterIssue), 0.05, 0.11);
    }

    private static List<string> Items(int seed, int count) => [.. Generate(seed, count).Select(i => $"{i.Item.Key} {i.Version.Body}")];

    private static List<(ContentItem Item, ContentVersion Version)> Generate(int seed, int count)
    {
        var text = new DutchText(ReferenceData.Load().Words, new Random(seed));
        var support = CorpusSupport.Create(text, count);
        var earlier = new List<(Guid, ContentType)>();
        var items = new List<(ContentItem, ContentVersion)>();
        for (var i = 0; i < count; i++)
        {
            var (item, version, _) = CorpusItems.Create(text, support, i, earlier, Now);
            earlier.Add((item.Key, item.Type));
            items.Add((item, version));
        }

        return items;
    }
}
