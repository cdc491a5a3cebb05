using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Verslagen;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class ReportModel(ContentReader reader, AttachmentLinks attachments) : DetailPageModel<MeetingReportContent>(reader)
{
    public ContentCard? Event { get; private set; }
    public IReadOnlyList<AttachmentLink> Attachments { get; private set; } = [];

    protected override ContentType[] Types => [ContentType.MeetingReport];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Event = Body.Event is { } key ? (await Reader.CardsAsync([key], ct)).FirstOrDefault() : null;
        Attachments = await attachments.ForAsync(Body, People, ct);
    }
}
