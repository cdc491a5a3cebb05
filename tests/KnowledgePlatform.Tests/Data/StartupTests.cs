using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Tests.Data;

/// <summary>
/// Wrong settings stop the app at start-up with one sentence that names the setting: exit code 1,
/// no stack trace. Runs the real app as a process.
/// </summary>
public sealed class StartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_unreachable_postgres_server_fails_with_one_sentence_naming_the_connection_string()
    {
        var result = await AppProcess.RunAsync(
            ["--Database:Provider=Postgres", "--ConnectionStrings:Default=Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3"],
            Timeout);

        AssertOneSentenceNaming(result, "ConnectionStrings:Default");
        Assert.Contains("Cannot connect to the Postgres database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_fails_with_one_sentence_naming_the_setting()
    {
        var result = await AppProcess.RunAsync(["--Database:Provider=Postgres", "--ConnectionStrings:Default=this is not a connection string"], Timeout);

        AssertOneSentenceNaming(result, "ConnectionStrings:Default");
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_names_the_missing_setting()
    {
        var result = await AppProcess.RunAsync(["--Database:Provider=Postgres", "--ConnectionStrings:Default="], Timeout);

        AssertOneSentenceNaming(result, "ConnectionStrings:Default");
    }

    [Fact]
    public async Task An_unknown_provider_names_Database_Provider()
    {
        var result = await AppProcess.RunAsync(["--Database:Provider=Oracle"], Timeout);

        AssertOneSentenceNaming(result, "Database:Provider");
        Assert.Contains("'Oracle'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_base_url_names_Site_BaseUrl()
    {
        var data = Directory.CreateTempSubdirectory("kp-startup-").FullName;
        var result = await AppProcess.RunAsync([$"--Storage:DataPath={data}", "--Site:BaseUrl=not-a-url"], Timeout);

        AssertOneSentenceNaming(result, "Site:BaseUrl");
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_names_the_setting()
    {
        var data = Directory.CreateTempSubdirectory("kp-startup-").FullName;
        var result = await AppProcess.RunAsync([$"--Storage:DataPath={data}", "--Sync:ImportOnEmptyDatabase=misschien"], Timeout);

        AssertOneSentenceNaming(result, "Sync:ImportOnEmptyDatabase");
    }

    [Fact]
    public async Task Sync_verbs_run_from_the_command_line_with_exit_codes()
    {
        var data = Directory.CreateTempSubdirectory("kp-cli-").FullName;
        var settings = new[] { $"--Storage:DataPath={data}", $"--Sync:Root={RepoPaths.USync}" };

        var plan = await AppProcess.RunAsync(["sync", "plan", .. settings], Timeout);
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("Er is niets gewijzigd", plan.Output, StringComparison.Ordinal);
        Assert.Contains("create", plan.Output, StringComparison.Ordinal);

        var import = await AppProcess.RunAsync(["sync", "import", .. settings], Timeout);
        Assert.Equal(0, import.ExitCode);
        var again = await AppProcess.RunAsync(["sync", "plan", .. settings], Timeout);
        Assert.Contains(" 0 nieuw, 0 gewijzigd, 0 hernoemd, 0 verwijderd", again.Output, StringComparison.Ordinal);

        var broken = RepoPaths.CopyOfUSync();
        await File.WriteAllTextAsync(Path.Combine(broken, "people", $"{Guid.NewGuid():D}.json"), "{ nope", TestContext.Current.CancellationToken);
        var failed = await AppProcess.RunAsync(["sync", "import", $"--Storage:DataPath={data}", $"--Sync:Root={broken}"], Timeout);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("people/", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failed.Error, StringComparison.Ordinal);

        var unknown = await AppProcess.RunAsync(["sync", "dance", .. settings], Timeout);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Onbekende opdracht", unknown.Error, StringComparison.Ordinal);
    }

    private static void AssertOneSentenceNaming(AppProcess.Result result, string setting)
    {
        Assert.Equal(1, result.ExitCode);
        var message = result.Error.Trim();
        Assert.Contains(setting, message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.Single(message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
