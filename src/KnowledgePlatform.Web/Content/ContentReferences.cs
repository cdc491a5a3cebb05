namespace KnowledgePlatform.Web.Content;

/// <summary>Everything a content body points at, as rows for <see cref="ContentReference"/>.</summary>
public static class ContentReferences
{
    public static IReadOnlyList<ContentReference> From(ContentBody body)
    {
        var refs = new List<ContentReference>();
        void Add(IEnumerable<Guid> targets, ReferenceKind kind)
        {
            foreach (var target in targets)
            {
                if (!refs.Exists(r => r.TargetKey == target && r.Kind == kind))
                {
                    refs.Add(new ContentReference { TargetKey = target, Kind = kind, Position = refs.Count(r => r.Kind == kind) });
                }
            }
        }

        Add(body.Terms, ReferenceKind.Term);
        switch (body)
        {
            case EventContent e:
                Add(e.Speakers.Concat(e.Programme.SelectMany(p => p.Speakers)).Concat(Speakers(e.Attachments)), ReferenceKind.Speaker);
                Add(Documents(e.Attachments), ReferenceKind.Attachment);
                Add(e.Organisers.Concat(e.Partners), ReferenceKind.Organiser);
                if (e is WorkshopContent { Facilitator: { } facilitator })
                {
                    Add([facilitator], ReferenceKind.Facilitator);
                }

                break;
            case MeetingReportContent r:
                Add(r.Event is { } reported ? [reported] : [], ReferenceKind.ReportedEvent);
                Add(r.Authors, ReferenceKind.Author);
                Add(Documents(r.Attachments), ReferenceKind.Attachment);
                break;
            case DossierArticleContent a:
                Add(a.Authors, ReferenceKind.Author);
                break;
            case DossierContent d:
                Add(d.Items, ReferenceKind.DossierItem);
                break;
            case NewsletterIssueContent n:
                Add(n.Sections.SelectMany(s => s.Items), ReferenceKind.NewsletterItem);
                break;
        }

        return refs;
    }

    private static IEnumerable<Guid> Speakers(IReadOnlyList<Attachment>? attachments) =>
        attachments?.Where(a => a.Speaker is not null).Select(a => a.Speaker!.Value) ?? [];

    private static IEnumerable<Guid> Documents(IReadOnlyList<Attachment>? attachments) => attachments?.Select(a => a.Media) ?? [];
}
