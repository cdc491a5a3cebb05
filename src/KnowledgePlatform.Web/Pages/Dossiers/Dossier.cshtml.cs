using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Dossiers;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class DossierModel(ContentReader reader) : DetailPageModel<DossierContent>(reader)
{
    /// <summary>The curated items, grouped by kind in the order the kinds first appear.</summary>
    public IReadOnlyList<IGrouping<string, ContentCard>> Groups { get; private set; } = [];

    protected override ContentType[] Types => [ContentType.Dossier];

    protected override async Task LoadAsync(CancellationToken ct) =>
        Groups = [.. (await Reader.CardsAsync(Body.Items, ct)).GroupBy(c => GroupName(c.Type))];

    private static string GroupName(ContentType type) => type switch
    {
        ContentType.DossierArticle => "Artikelen",
        ContentType.MeetingReport => "Verslagen",
        ContentType.Event or ContentType.Workshop => "Bijeenkomsten",
        _ => "Overig",
    };
}
