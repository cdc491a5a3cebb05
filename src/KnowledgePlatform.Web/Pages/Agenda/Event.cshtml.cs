using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Agenda;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class EventModel(ContentReader reader, TimeProvider clock, AttachmentLinks attachments) : DetailPageModel<EventContent>(reader)
{
    public IReadOnlyList<ContentCard> Reports { get; private set; } = [];
    public IReadOnlyList<AttachmentLink> Attachments { get; private set; } = [];
    public bool IsPast { get; private set; }

    protected override ContentType[] Types => [ContentType.Event, ContentType.Workshop];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Reports = await Reader.ReferencingAsync(Item.Key, ReferenceKind.ReportedEvent, ct);
        IsPast = (Body.End ?? Body.Start) < clock.GetUtcNow();
        Attachments = await attachments.ForAsync(Body, People, ct);
    }
}
