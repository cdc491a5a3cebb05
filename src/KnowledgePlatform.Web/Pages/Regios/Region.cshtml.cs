using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Regios;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class RegionModel(ListingQuery lists, TimeProvider clock) : TermPageModel(lists, clock)
{
    protected override string VocabularyAlias => Vocabulary.RegionAlias;
}
