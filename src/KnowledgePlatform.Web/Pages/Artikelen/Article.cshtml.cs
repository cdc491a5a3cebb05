using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Artikelen;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class ArticleModel(ContentReader reader) : DetailPageModel<DossierArticleContent>(reader)
{
    public IReadOnlyList<ContentCard> Dossiers { get; private set; } = [];

    protected override ContentType[] Types => [ContentType.DossierArticle];

    protected override async Task LoadAsync(CancellationToken ct) =>
        Dossiers = await Reader.ReferencingAsync(Item.Key, ReferenceKind.DossierItem, ct);
}
