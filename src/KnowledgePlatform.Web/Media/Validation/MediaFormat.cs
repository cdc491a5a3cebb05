namespace KnowledgePlatform.Web.Media.Validation;

/// <summary>The kinds of file the library accepts, as recognised from their bytes.</summary>
public enum MediaFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    Doc,
    Xls,
    Ppt,
}

public static class MediaFormats
{
    /// <summary>The formats that may be attached to an event or report (presentations, hand-outs).</summary>
    public static readonly MediaFormat[] Documents =
        [MediaFormat.Pdf, MediaFormat.Docx, MediaFormat.Xlsx, MediaFormat.Pptx, MediaFormat.Doc, MediaFormat.Xls, MediaFormat.Ppt];

    public static bool IsImage(this MediaFormat format) => format is MediaFormat.Jpeg or MediaFormat.Png or MediaFormat.WebP or MediaFormat.Gif;

    public static string Extension(this MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "jpg",
        _ => format.ToString().ToLowerInvariant(),
    };

    public static string ContentType(this MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.Png => "image/png",
        MediaFormat.WebP => "image/webp",
        MediaFormat.Gif => "image/gif",
        MediaFormat.Pdf => "application/pdf",
        MediaFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        MediaFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MediaFormat.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        MediaFormat.Doc => "application/msword",
        MediaFormat.Xls => "application/vnd.ms-excel",
        MediaFormat.Ppt => "application/vnd.ms-powerpoint",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Dutch name for the back-office lists.</summary>
    public static string DisplayName(this MediaFormat format) => format switch
    {
        MediaFormat.Pdf => "PDF",
        MediaFormat.Docx or MediaFormat.Doc => "Word-document",
        MediaFormat.Xlsx or MediaFormat.Xls => "Excel-werkmap",
        MediaFormat.Pptx or MediaFormat.Ppt => "PowerPoint-presentatie",
        _ => format.ToString().ToUpperInvariant() + "-afbeelding",
    };

    /// <summary>The short type readers see beside a download link: "PDF", "Word", "Excel", "PowerPoint".</summary>
    public static string ShortName(this MediaFormat format) => format switch
    {
        MediaFormat.Docx or MediaFormat.Doc => "Word",
        MediaFormat.Xlsx or MediaFormat.Xls => "Excel",
        MediaFormat.Pptx or MediaFormat.Ppt => "PowerPoint",
        _ => format.ToString().ToUpperInvariant(),
    };
}
