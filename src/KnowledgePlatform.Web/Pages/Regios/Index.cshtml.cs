using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Regios;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class RegionsModel(ListingQuery lists) : TermIndexPageModel(lists)
{
    public override string VocabularyAlias => Vocabulary.RegionAlias;
}
