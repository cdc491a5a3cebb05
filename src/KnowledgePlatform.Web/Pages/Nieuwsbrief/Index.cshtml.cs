using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Nieuwsbrief;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class NewsletterArchiveModel(ListingQuery lists) : ListingPageModel(lists)
{
    protected override ContentType Type => ContentType.NewsletterIssue;

    public override string Heading => "Nieuwsbrief";

    public override string Lead => "Alle verschenen edities van de nieuwsbrief, de nieuwste eerst.";

    public override string Empty => "Er is nog geen nieuwsbrief verschenen.";
}
