using KnowledgePlatform.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KnowledgePlatform.Tests.Search;

/// <summary>Operating the index: the `search rebuild` verb as an operator runs it, and the readiness check.</summary>
public sealed class SearchOperationsTests(SqliteDemoFixture fixture) : IClassFixture<SqliteDemoFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_rebuild_runs_from_the_command_line_with_progress_and_fills_the_index()
    {
        var data = Directory.CreateTempSubdirectory("kp-search-cli-").FullName;
        var settings = new[] { $"--Storage:DataPath={data}", $"--Sync:Root={RepoPaths.USync}" };
        Assert.Equal(0, (await AppProcess.RunAsync(["sync", "import", .. settings], Timeout)).ExitCode);

        var rebuild = await AppProcess.RunAsync(["search", "rebuild", .. settings], Timeout);

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Matches("Zoekindex opnieuw opgebouwd: [1-9][0-9]* documenten", rebuild.Output);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "knowledgeplatform.db")}");
        await connection.OpenAsync(Ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH '\"helderman\"'";
        Assert.True(Convert.ToInt64(await count.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        await connection.CloseAsync();
        SqliteConnection.ClearPool(connection);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Readiness_reports_the_index_in_step_with_published_content()
    {
        var client = fixture.Factory.CreateClient();
        await Eventually.AssertAsync(async () =>
        {
            var json = await client.GetStringAsync("/health/ready", Ct);
            Assert.Contains("\"search\":{\"status\":\"Healthy\"", json, StringComparison.Ordinal);
        });
    }
}
