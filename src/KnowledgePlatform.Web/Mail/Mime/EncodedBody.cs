namespace KnowledgePlatform.Web.Mail.Mime;

/// <summary>
/// A text body already quoted-printable encoded, as pieces that each end at the start of a line
/// (a hard line break of their own, or a soft one, "=\r\n", added by <see cref="Piece"/>). Pieces
/// can therefore be joined in any order and decode to the joined texts: the parts every recipient
/// of a bulk send shares are encoded once, and only the personal pieces per message.
/// </summary>
public sealed record EncodedBody(IReadOnlyList<byte[]> Pieces)
{
    private static readonly byte[] SoftBreak = "=\r\n"u8.ToArray();

    public int Length => Pieces.Sum(p => p.Length);

    /// <summary>Quoted-printable of <paramref name="text"/>, ending at a line start.</summary>
    public static byte[] Piece(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var output = new MimeOutput(text.Length * 11 / 10 + 16);
        MimeEncoding.QuotedPrintable(output, text);
        var bytes = output.ToArray();
        return bytes.AsSpan().EndsWith("\r\n"u8) ? bytes : [.. bytes, .. SoftBreak];
    }

    /// <summary>Writes the pieces; the last one without its soft break (the multipart delimiter's CRLF follows).</summary>
    internal void WriteTo(MimeOutput output)
    {
        for (var i = 0; i < Pieces.Count; i++)
        {
            var piece = Pieces[i].AsSpan();
            output.Append(i == Pieces.Count - 1 && piece.EndsWith(SoftBreak) ? piece[..^SoftBreak.Length] : piece);
        }
    }
}

/// <summary>The text and HTML alternatives of a mail, already encoded (see <see cref="EncodedBody"/>).</summary>
public sealed record EncodedAlternatives(EncodedBody Text, EncodedBody Html);
