using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Events;

/// <summary>
/// Parses iCalendar text with Mozilla's ical.js (tests/tools/parse-ical.mjs under node): our files
/// are checked by an independent reading of RFC 5545, as calendar clients read them.
/// </summary>
public static class ICalJs
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string ToolsFolder => Path.Combine(RepoPaths.Root, "tests", "tools");

    public static async Task<ParsedCalendar> ParseAsync(string ics)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node", [Path.Combine(ToolsFolder, "parse-ical.mjs")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ToolsFolder,
        };
        // Neither Amsterdam nor UTC: a time that ical.js failed to tie to our VTIMEZONE (and so read
        // as "floating" local time) comes out visibly wrong.
        start.Environment["TZ"] = "America/New_York";
        var (exit, output, error) = await RunAsync(start, Encoding.UTF8.GetBytes(ics));
        return exit == 0
            ? JsonSerializer.Deserialize<ParsedCalendar>(output, Json)!
            : throw new InvalidOperationException($"ical.js could not parse the calendar: {error}");
    }

    /// <summary>scripts/test.sh runs "npm ci" in tests/tools; a test run from an IDE does it here, once.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(ToolsFolder, "node_modules", "ical.js")))
            {
                return;
            }

            var (exit, _, error) = await RunAsync(
                new ProcessStartInfo("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"]) { WorkingDirectory = ToolsFolder, RedirectStandardOutput = true, RedirectStandardError = true },
                null);
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm ci in tests/tools failed: {error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ProcessStartInfo start, byte[]? input)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

public sealed record ParsedCalendar(string Version, string Prodid, string? Method, string? Name, List<string> Timezones, List<ParsedEvent> Events);

public sealed record ParsedEvent(
    string Uid, int Sequence, string? Summary, string? Description, string? Location, string? Status, string? Url, string? Stamp,
    ParsedTime Start, ParsedTime? End);

/// <param name="Local">"2020-10-06T19:00:00", or "2020-10-09" for a date.</param>
/// <param name="Utc">The instant by the file's own VTIMEZONE; null for dates.</param>
public sealed record ParsedTime(bool IsDate, string Local, string? Tzid, DateTimeOffset? Utc);
