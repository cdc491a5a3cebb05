using System.Diagnostics;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: KP_TEST_POSTGRES when the test script set it, otherwise
/// the one scripts/postgres.sh starts (installing PostgreSQL if needed) on 127.0.0.1.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Admin = new(StartAsync);

    public static Task<string> AdminConnectionStringAsync() => Admin.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("KP_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepoPaths.Root, "scripts", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not run scripts/postgres.sh.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException(
                $"PostgreSQL is needed for these tests and scripts/postgres.sh could not start it (exit {process.ExitCode}): {error}");
    }
}
