using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Themas;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class ThemeModel(ListingQuery lists, TimeProvider clock) : TermPageModel(lists, clock)
{
    protected override string VocabularyAlias => Vocabulary.ThemeAlias;
}
