using System.Diagnostics;
using System.Text.Json;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>Parses mail files with Python's standard email package (tests/tools/parse-mail.py): an independent, strict MIME parser.</summary>
public static class MimeParser
{
    public sealed record Part(string ContentType, bool Multipart, string? Charset, string? Filename, string? Method, string? Text, int Size);

    public sealed record Parsed(string Path, string? Subject, string From, string To, string? ToAddress, string? ToName, string? ReplyTo,
        string MessageId, string? Date, IReadOnlyList<string> HeaderNames, string? ListUnsubscribe, string? ListUnsubscribePost,
        IReadOnlyList<string> Defects, IReadOnlyList<Part> Parts)
    {
        public string? TextBody => Parts.FirstOrDefault(p => p.ContentType == "text/plain" && p.Filename is null)?.Text;

        public string? HtmlBody => Parts.FirstOrDefault(p => p.ContentType == "text/html" && p.Filename is null)?.Text;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<Parsed>> ParseAsync(IEnumerable<string> paths)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.TestTools, "parse-mail.py"));
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 is needed to parse mail (apt-get install -y python3).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? JsonSerializer.Deserialize<List<Parsed>>(await output, Json)!
            : throw new InvalidOperationException("parse-mail.py failed: " + await error);
    }
}
