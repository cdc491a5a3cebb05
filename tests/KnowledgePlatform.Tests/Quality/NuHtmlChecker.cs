using System.Diagnostics;
using System.Text.Json;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>One message of the Nu HTML Checker (the W3C validator) about one document.</summary>
public sealed record NuMessage(string Type, string? SubType, string Message, int? LastLine, int? FirstColumn, string? Extract)
{
    // "non-document-error" means the checker could not read the document: that fails too.
    public bool IsError => Type is "error" or "non-document-error";

    public override string ToString() =>
        $"  {(IsError ? "error" : SubType ?? Type)} at line {LastLine}, column {FirstColumn}: {Message}"
        + (string.IsNullOrEmpty(Extract) ? "" : $"\n      {Extract.ReplaceLineEndings(" ").Trim()}");
}

/// <summary>
/// Runs vnu.jar (from npm's vnu-jar) on many documents in one Java process: starting the JVM
/// and loading the schemas takes seconds, checking a page takes milliseconds.
/// </summary>
public static class NuHtmlChecker
{
    private sealed record Report(List<RawMessage> Messages);

    private sealed record RawMessage(string Type, string? SubType, string? Url, string Message, int? LastLine, int? FirstColumn, string? Extract);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The messages for each document, in the order given.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<NuMessage>>> CheckAsync(IReadOnlyList<string> documents, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("kp-vnu-").FullName;
        try
        {
            var files = documents.Select((html, i) => Path.Combine(folder, $"{i}.html")).ToArray();
            for (var i = 0; i < files.Length; i++)
            {
                await File.WriteAllTextAsync(files[i], documents[i], ct);
            }

            var report = await RunAsync(files, ct);
            // vnu names a document "file:/tmp/…/3.html", which System.Uri does not parse; the
            // file names are enough to tell the documents apart.
            var byFile = report.Messages.ToLookup(m => m.Url is null ? "" : m.Url[(m.Url.LastIndexOf('/') + 1)..]);
            var unattributed = byFile[""].Select(ToMessage).ToList();
            if (unattributed.Count > 0)
            {
                throw new InvalidOperationException($"The Nu HTML Checker reported:\n{string.Join('\n', unattributed)}");
            }

            return files.Select(file => (IReadOnlyList<NuMessage>)byFile[Path.GetFileName(file)].Select(ToMessage).ToList()).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static NuMessage ToMessage(RawMessage m) => new(m.Type, m.SubType, m.Message, m.LastLine, m.FirstColumn, m.Extract);

    private static async Task<Report> RunAsync(IEnumerable<string> files, CancellationToken ct)
    {
        var start = new ProcessStartInfo(TestTools.Java) { RedirectStandardOutput = true, RedirectStandardError = true };
        // A short run: the quick JIT tier and the serial collector cut start-up from ~7 s to ~2.5 s.
        // Without the full JIT the schema evaluation needs a deeper stack than the default.
        string[] jvm = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];
        foreach (var arg in jvm.Concat(["-jar", TestTools.VnuJar, "--format", "json", "--stdout", .. files]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // Exit code 1 only says that some document has errors; the report says which.
        var json = await output;
        return json.TrimStart().StartsWith('{')
            ? JsonSerializer.Deserialize<Report>(json, Json)!
            : throw new InvalidOperationException($"vnu.jar exited with {process.ExitCode} and no report: {await error}{json}");
    }
}
