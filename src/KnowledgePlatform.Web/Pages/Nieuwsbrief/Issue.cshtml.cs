using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Nieuwsbrief;

/// <summary>The web version of a published newsletter issue.</summary>
[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class IssueModel(ContentReader reader) : DetailPageModel<NewsletterIssueContent>(reader)
{
    /// <summary>The issue's sections with their published items; a section with none left is not shown.</summary>
    public IReadOnlyList<(string Title, IReadOnlyList<ContentCard> Cards)> Sections { get; private set; } = [];

    protected override ContentType[] Types => [ContentType.NewsletterIssue];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var sections = new List<(string, IReadOnlyList<ContentCard>)>();
        foreach (var section in Body.Sections)
        {
            var cards = await Reader.CardsAsync(section.Items, ct);
            if (cards.Count > 0)
            {
                sections.Add((section.Title, cards));
            }
        }

        Sections = sections;
        ViewData["Description"] = Body.Preheader ?? Body.Summary;
    }
}
