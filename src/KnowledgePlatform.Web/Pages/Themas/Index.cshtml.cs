using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Themas;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class ThemesModel(ListingQuery lists) : TermIndexPageModel(lists)
{
    public override string VocabularyAlias => Vocabulary.ThemeAlias;
}
