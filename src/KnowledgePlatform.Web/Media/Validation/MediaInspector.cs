using System.Globalization;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Media.Validation;

/// <summary>What an uploaded file turned out to be.</summary>
public sealed record InspectedFile(MediaFormat Format, long Length, int? Width, int? Height);

/// <summary>
/// Decides from a stored upload's bytes whether the library takes it: the type by magic bytes and structure,
/// the size limits, and for images the pixel dimensions from the header. Refusals are Dutch sentences for
/// the editor, thrown as <see cref="ValidationFailedException"/> on the field <see cref="Field"/>.
/// </summary>
public static class MediaInspector
{
    public const string Field = "File";

    public const string Unsupported =
        "Dit bestandstype wordt niet ondersteund. Toegestaan zijn afbeeldingen (JPEG, PNG, WebP, GIF) en documenten (PDF, Word, Excel, PowerPoint).";

    public const string SvgRefused =
        "SVG-bestanden worden niet geaccepteerd, omdat ze scripts kunnen bevatten. Lever de afbeelding aan als PNG of JPEG.";

    public const string MacrosRefused =
        "Office-bestanden met macro's worden niet geaccepteerd. Sla het bestand op zonder macro's (bijvoorbeeld als .docx of .xlsx).";

    public const string Damaged = "Dit bestand lijkt beschadigd: de afmetingen van de afbeelding zijn niet te lezen.";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static InspectedFile Inspect(Stream file, MediaOptions limits)
    {
        var length = file.Length;
        if (length == 0)
        {
            throw Refuse("Het bestand is leeg.");
        }

        var head = new byte[(int)Math.Min(MagicBytes.HeadLength, length)];
        file.Position = 0;
        file.ReadExactly(head);
        var signature = MagicBytes.Identify(head);
        var format = signature switch
        {
            Signature.Jpeg => MediaFormat.Jpeg,
            Signature.Png => MediaFormat.Png,
            Signature.Gif => MediaFormat.Gif,
            Signature.WebP => MediaFormat.WebP,
            Signature.Pdf => MediaFormat.Pdf,
            Signature.Zip => Office(OfficeInspector.Package(file)),
            Signature.CompoundFile => Office(OfficeInspector.CompoundFile(file)),
            Signature.Svg => throw Refuse(SvgRefused),
            _ => throw Refuse(Unsupported),
        };

        if (!format.IsImage())
        {
            CheckLength(length, limits.MaxFileBytes, "Bestanden");
            return new InspectedFile(format, length, null, null);
        }

        CheckLength(length, limits.MaxImageBytes, "Afbeeldingen");
        var (width, height) = ImageHeaderReader.Read(file, signature) ?? throw Refuse(Damaged);
        if (width > limits.MaxImageSide || height > limits.MaxImageSide || (long)width * height > limits.MaxImagePixels)
        {
            throw Refuse(string.Create(Dutch,
                $"De afbeelding is te groot: {width:N0} × {height:N0} pixels. Het maximum is {limits.MaxImageSide:N0} pixels per zijde en {limits.MaxImagePixels / 1_000_000.0:0.#} megapixel in totaal."));
        }

        return new InspectedFile(format, length, width, height);
    }

    /// <summary>The message for a file over the limit; also used while the upload is still streaming in.</summary>
    public static string TooLarge(long length, long limit, string what) => string.Create(Dutch,
        $"Het bestand is te groot ({Megabytes(length)}). {what} mogen maximaal {Megabytes(limit)} zijn.");

    public static ValidationFailedException Refuse(string message) => ValidationFailedException.For(Field, message);

    private static void CheckLength(long length, long limit, string what)
    {
        if (length > limit)
        {
            throw Refuse(TooLarge(length, limit, what));
        }
    }

    private static string Megabytes(long bytes) => string.Create(Dutch, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    private static MediaFormat Office(OfficeInspector.OfficeCheck check) => check switch
    {
        { HasMacros: true } => throw Refuse(MacrosRefused),
        { Format: { } format } => format,
        _ => throw Refuse(Unsupported),
    };
}
