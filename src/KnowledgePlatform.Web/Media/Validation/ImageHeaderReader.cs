using System.Buffers.Binary;

namespace KnowledgePlatform.Web.Media.Validation;

/// <summary>
/// Pixel dimensions straight from an image's header bytes (JPEG SOF, PNG IHDR, GIF logical screen, WebP
/// VP8/VP8L/VP8X), before any decoder sees the file — so a small file that claims to be 100,000 × 100,000
/// pixels is refused without allocating anything. Null when the header is malformed.
/// </summary>
public static class ImageHeaderReader
{
    public static (int Width, int Height)? Read(Stream file, Signature signature)
    {
        file.Position = 0;
        return signature switch
        {
            Signature.Jpeg => Jpeg(file),
            Signature.Png => Fixed(file, 30, h => h[12..16].SequenceEqual("IHDR"u8)
                ? (BinaryPrimitives.ReadInt32BigEndian(h[16..]), BinaryPrimitives.ReadInt32BigEndian(h[20..]))
                : null),
            Signature.Gif => Fixed(file, 10, h => (BinaryPrimitives.ReadUInt16LittleEndian(h[6..]), BinaryPrimitives.ReadUInt16LittleEndian(h[8..]))),
            Signature.WebP => Fixed(file, 30, WebP),
            _ => null,
        };
    }

    private delegate (int, int)? HeaderParser(ReadOnlySpan<byte> header);

    private static (int Width, int Height)? Fixed(Stream file, int length, HeaderParser parse)
    {
        Span<byte> header = stackalloc byte[length];
        if (file.ReadAtLeast(header, length, throwOnEndOfStream: false) < length)
        {
            return null;
        }

        return parse(header) is (> 0 and var w, > 0 and var h) ? (w, h) : null;
    }

    private static (int, int)? WebP(ReadOnlySpan<byte> h)
    {
        var chunk = h[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
            return h[23] == 0x9D && h[24] == 0x01 && h[25] == 0x2A
                ? (BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width-1 and height-1 as two 14-bit fields.
            if (h[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(h[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        // Extended: the canvas size as 24-bit width-1 and height-1.
        return chunk.SequenceEqual("VP8X"u8)
            ? (ReadUInt24(h[24..]) + 1, ReadUInt24(h[27..]) + 1)
            : null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    /// <summary>Walks the marker segments to the first start-of-frame; never reads past the file.</summary>
    private static (int, int)? Jpeg(Stream file)
    {
        Span<byte> buffer = stackalloc byte[9];
        file.Position = 2;
        while (true)
        {
            if (file.ReadAtLeast(buffer[..2], 2, throwOnEndOfStream: false) < 2 || buffer[0] != 0xFF)
            {
                return null;
            }

            var marker = buffer[1];
            while (marker == 0xFF)
            {
                // Fill bytes before a marker.
                var next = file.ReadByte();
                if (next < 0)
                {
                    return null;
                }

                marker = (byte)next;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // standalone markers carry no length
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or start of scan before any frame header
            }

            if (file.ReadAtLeast(buffer[..2], 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7 || file.ReadAtLeast(buffer[..5], 5, throwOnEndOfStream: false) < 5)
                {
                    return null;
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]), width = BinaryPrimitives.ReadUInt16BigEndian(buffer[3..]);
                return width > 0 && height > 0 ? (width, height) : null;
            }

            file.Position += length - 2;
        }
    }
}
