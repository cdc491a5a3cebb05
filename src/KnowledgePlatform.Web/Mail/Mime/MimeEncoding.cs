using System.Text;

namespace KnowledgePlatform.Web.Mail.Mime;

/// <summary>
/// The encodings a 7-bit clean message needs: RFC 2047 encoded-words for headers, quoted-printable
/// and base64 for bodies. Every output line ends in CRLF and none starts with a dot, so the SMTP
/// layer never has to stuff one.
/// </summary>
public static class MimeEncoding
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

    /// <summary>Quoted-printable (RFC 2045 6.7) of UTF-8 text; line breaks become CRLF hard breaks.</summary>
    public static void QuotedPrintable(StringBuilder output, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        var lineLength = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '\n')
            {
                output.Append("\r\n");
                lineLength = 0;
                continue;
            }

            var atLineEnd = i + 1 == bytes.Length || bytes[i + 1] == '\n';
            var literal = b is >= 33 and <= 126 && b != '=' && !(b == '.' && lineLength == 0)
                || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
            var width = literal ? 1 : 3;
            if (lineLength + width > 75)
            {
                output.Append("=\r\n");
                lineLength = 0;
                if (b == '.')
                {
                    literal = false;
                    width = 3;
                }
            }

            if (literal)
            {
                output.Append((char)b);
            }
            else
            {
                output.Append('=').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }

            lineLength += width;
        }

        // No line break of our own at the end: a multipart delimiter supplies it ("CRLF--boundary"),
        // so text that ends with a line break keeps exactly that one.
    }

    /// <summary>Base64 in lines of 76 characters.</summary>
    public static void Base64(StringBuilder output, byte[] content)
    {
        var encoded = Convert.ToBase64String(content);
        for (var i = 0; i < encoded.Length; i += 76)
        {
            output.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append("\r\n");
        }
    }
}
