using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Verslagen;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class ReportsModel(ListingQuery lists) : ListingPageModel(lists)
{
    protected override ContentType Type => ContentType.MeetingReport;

    public override string Heading => "Verslagen";

    public override string Lead => "Verslagen van bijeenkomsten en werkbijeenkomsten: wat er besproken is, en de opbrengsten en aanbevelingen.";

    public override string Empty => "Er zijn nog geen verslagen.";
}
