namespace KnowledgePlatform.Web.Media;

/// <summary>What the audit trail keeps of a media item (its fields, not its bytes).</summary>
internal static class MediaAudit
{
    public static object Snapshot(MediaItem m) => new
    {
        m.FileName,
        m.OriginalName,
        Format = m.Format.ToString(),
        m.Length,
        m.Width,
        m.Height,
        m.AltText,
        m.FocalX,
        m.FocalY,
        m.FolderId,
    };
}
