using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Media;

/// <summary>One attachment as readers (and API clients) get it: the link, what kind of file and how big, whose and where in the programme.</summary>
public sealed record AttachmentLink(
    string Title, string Url, string FileType, string ContentType, long Length, Person? Speaker, int? ProgrammeItem, string? ProgrammeTitle)
{
    /// <summary>"PDF, 1,2 MB": shown beside the link, so readers know what they download.</summary>
    public string Details => $"{FileType}, {FileSizes.Dutch(Length)}";
}

/// <summary>
/// The attachments of an event or report (<see cref="Attachment"/>) joined with their media items. An attachment
/// whose document has gone (deleted in the same moment as the item was saved) is left out rather than shown broken.
/// </summary>
public sealed class AttachmentLinks(KnowledgeDbContext db)
{
    /// <param name="people">The people the page already loaded (attachment speakers are among an event's speakers).</param>
    public async Task<IReadOnlyList<AttachmentLink>> ForAsync(ContentBody body, IReadOnlyDictionary<Guid, Person> people, CancellationToken ct)
    {
        var (attachments, programme) = body switch
        {
            EventContent e => (e.Attachments, e.Programme),
            MeetingReportContent r => (r.Attachments, []),
            _ => (null, (IReadOnlyList<ProgrammeItem>)[]),
        };
        if (attachments is null or { Count: 0 })
        {
            return [];
        }

        var ids = attachments.Select(a => a.Media).Distinct().ToList();
        var media = await db.Set<MediaItem>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        return
        [
            .. attachments.Where(a => media.ContainsKey(a.Media)).Select(a =>
            {
                var m = media[a.Media];
                var programmeTitle = a.ProgrammeItem is { } n && n >= 1 && n <= programme.Count ? programme[n - 1].Title : null;
                return new AttachmentLink(a.Title, MediaUrls.Original(m), m.Format.ShortName(), m.Format.ContentType(), m.Length,
                    a.Speaker is { } s ? people.GetValueOrDefault(s) : null, programmeTitle is null ? null : a.ProgrammeItem, programmeTitle);
            }),
        ];
    }
}

/// <summary>File sizes the way Dutch readers write them.</summary>
public static class FileSizes
{
    /// <summary>"340 kB", "1,2 MB" (binary units, as file managers show them).</summary>
    public static string Dutch(long bytes) => bytes < 1024 * 1024
        ? string.Create(DutchTime.Culture, $"{Math.Max(1, (long)Math.Ceiling(bytes / 1024.0))} kB")
        : string.Create(DutchTime.Culture, $"{bytes / (1024.0 * 1024.0):0.0} MB");
}
