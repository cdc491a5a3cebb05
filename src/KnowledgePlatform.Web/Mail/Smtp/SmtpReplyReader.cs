using System.Text;

namespace KnowledgePlatform.Web.Mail.Smtp;

/// <summary>Reads SMTP replies ("250-…" continuation lines up to "250 …") from a stream, buffered.</summary>
internal sealed class SmtpReplyReader(Stream stream)
{
    private readonly byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    public Stream Stream { get; set; } = stream;

    public async Task<SmtpReply> ReadAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(ct);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code))
            {
                throw new IOException($"Unexpected SMTP reply line: '{Truncate(line)}'.");
            }

            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, lines);
            }
        }
    }

    /// <summary>True when a reply is already buffered (a server must not talk before we ask).</summary>
    public bool HasBufferedData => end > start;

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                var length = newline - start;
                if (length > 0 && buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(buffer, start, length);
                start = newline + 1;
                return line;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                throw new IOException("SMTP reply line too long.");
            }

            var read = await Stream.ReadAsync(buffer.AsMemory(end), ct);
            if (read == 0)
            {
                throw new IOException("The SMTP server closed the connection.");
            }

            end += read;
        }
    }

    private static string Truncate(string line) => line.Length > 100 ? line[..100] : line;
}
