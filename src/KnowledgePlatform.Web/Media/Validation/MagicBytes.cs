using System.Text;

namespace KnowledgePlatform.Web.Media.Validation;

/// <summary>What the first bytes of a file say it is. Names and client-sent content types are never consulted.</summary>
public enum Signature
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
    Pdf,
    Zip,
    CompoundFile,
    Svg,
}

public static class MagicBytes
{
    /// <summary>How many leading bytes <see cref="Identify"/> looks at.</summary>
    public const int HeadLength = 1024;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static Signature Identify(ReadOnlySpan<byte> head)
    {
        if (head is [0xFF, 0xD8, 0xFF, ..])
        {
            return Signature.Jpeg;
        }

        if (head.StartsWith(Png))
        {
            return Signature.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Signature.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return Signature.WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Signature.Pdf;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return Signature.Zip;
        }

        if (head.StartsWith(CompoundFile))
        {
            return Signature.CompoundFile;
        }

        return LooksLikeSvg(head) ? Signature.Svg : Signature.Unknown;
    }

    /// <summary>An SVG is XML text with an svg root: named so the refusal can say why.</summary>
    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<!--", StringComparison.Ordinal)
                || text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<!DOCTYPE svg", StringComparison.OrdinalIgnoreCase))
            && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
