using System.Text;

namespace KnowledgePlatform.Web.Mail.Mime;

/// <summary>
/// The message as it is written: a growable 7-bit byte buffer that headers and encoded bodies go
/// into directly, so a 30 KB message is built without 60 KB strings in between.
/// </summary>
internal sealed class MimeOutput(int capacity)
{
    private byte[] buffer = new byte[Math.Max(capacity, 1024)];

    public int Length { get; private set; }

    /// <summary>Text that is ASCII by construction (encoded-words, addresses, our own header values).</summary>
    public MimeOutput Append(string ascii)
    {
        Ensure(ascii.Length);
        Length += Encoding.ASCII.GetBytes(ascii, buffer.AsSpan(Length));
        return this;
    }

    public MimeOutput Append(string ascii, int start, int count) => Append(ascii.Substring(start, count));

    public MimeOutput Append(ReadOnlySpan<byte> ascii)
    {
        Ensure(ascii.Length);
        ascii.CopyTo(buffer.AsSpan(Length));
        Length += ascii.Length;
        return this;
    }

    public MimeOutput Append(char c)
    {
        Ensure(1);
        buffer[Length++] = (byte)c;
        return this;
    }

    /// <summary>Room for at least <paramref name="count"/> more bytes, to be filled and then <see cref="Advance"/>d.</summary>
    public Span<byte> Reserve(int count)
    {
        Ensure(count);
        return buffer.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public byte[] ToArray() => buffer.AsSpan(0, Length).ToArray();

    private void Ensure(int more)
    {
        if (Length + more > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + more));
        }
    }
}
