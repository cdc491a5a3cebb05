using System.Buffers;
using System.Text;

namespace KnowledgePlatform.Web.Mail.Mime;

/// <summary>
/// The encodings a 7-bit clean message needs: RFC 2047 encoded-words for headers, quoted-printable
/// and base64 for bodies. Every output line ends in CRLF and none starts with a dot, so the SMTP
/// layer never has to stuff one.
/// </summary>
internal static class MimeEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Encoded-words ("=?UTF-8?B?…?="), each at most 75 characters, split on whole characters.</summary>
    public static IEnumerable<string> EncodedWords(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var length = 0;
            var bytes = 0;
            while (start + length < text.Length)
            {
                var step = char.IsHighSurrogate(text[start + length]) && start + length + 1 < text.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(text.AsSpan(start + length, step));
                if (bytes + size > 45)
                {
                    break;
                }

                bytes += size;
                length += step;
            }

            yield return "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text.Substring(start, length))) + "?=";
            start += length;
        }
    }

    /// <summary>
    /// Quoted-printable (RFC 2045 6.7) of UTF-8 text, straight from the UTF-8 bytes into the output;
    /// CRLF, CR and LF all become CRLF hard breaks.
    /// </summary>
    public static void QuotedPrintable(MimeOutput output, string text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var count = Encoding.UTF8.GetBytes(text, rented);
            // Worst case: 3 bytes per input byte, plus a soft break ("=\r\n") at most every 25 input bytes.
            var span = output.Reserve(count * 4 + 16);
            var o = 0;
            var lineLength = 0;
            for (var i = 0; i < count; i++)
            {
                var b = rented[i];
                if (b is (byte)'\r' or (byte)'\n')
                {
                    if (b == '\r' && i + 1 < count && rented[i + 1] == '\n')
                    {
                        i++;
                    }

                    span[o++] = (byte)'\r';
                    span[o++] = (byte)'\n';
                    lineLength = 0;
                    continue;
                }

                var atLineEnd = i + 1 == count || rented[i + 1] is (byte)'\r' or (byte)'\n';
                var literal = b is >= 33 and <= 126 && b != '=' && !(b == '.' && lineLength == 0)
                    || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
                var width = literal ? 1 : 3;
                if (lineLength + width > 75)
                {
                    span[o++] = (byte)'=';
                    span[o++] = (byte)'\r';
                    span[o++] = (byte)'\n';
                    lineLength = 0;
                    if (b == '.')
                    {
                        literal = false;
                        width = 3;
                    }
                }

                if (literal)
                {
                    span[o++] = b;
                }
                else
                {
                    span[o++] = (byte)'=';
                    span[o++] = (byte)Hex[b >> 4];
                    span[o++] = (byte)Hex[b & 0xF];
                }

                lineLength += width;
            }

            output.Advance(o);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        // No line break of our own at the end: a multipart delimiter supplies it ("CRLF--boundary"),
        // so text that ends with a line break keeps exactly that one.
    }

    /// <summary>Base64 in lines of 76 characters.</summary>
    public static void Base64(MimeOutput output, byte[] content)
    {
        var encoded = Convert.ToBase64String(content);
        for (var i = 0; i < encoded.Length; i += 76)
        {
            output.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append("\r\n");
        }
    }
}
