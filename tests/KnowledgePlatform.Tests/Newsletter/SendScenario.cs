using System.Data.Common;
using System.Globalization;
using KnowledgePlatform.Tests.Cluster;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Mail;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// A newsletter send for process-level tests: a database with a published issue, N subscribers and
/// a send prepared as scheduled (its rows Held) by an in-process host that is then shut down, so
/// only the app processes the test starts ever send it. <see cref="ReleaseAsync"/> makes it due.
/// </summary>
public sealed class SendScenario(TestDatabase database, long sendId)
{
    public TestDatabase Database { get; } = database;

    public long SendId { get; } = sendId;

    public static async Task<SendScenario> PrepareAsync(TestDatabase database, int subscribers, int smtpPort)
    {
        await using var app = new MailPlatformFactory(database, smtpPort);
        var item = await app.PublishAsync(TestContent.Article(title: "Wat werkt tegen eenzaamheid?"));
        var issueKey = await app.PublishAsync(new NewsletterIssueContent
        {
            Title = "Nieuwsbrief crashtest",
            Slug = TestContent.UniqueSlug("crashtest"),
            Intro = "<p>Een editie die nooit twee keer mag aankomen.</p>",
            Sections = [new NewsletterSection { Title = "Nieuw", Items = [item] }],
        });
        await app.AddActiveSubscribersAsync(subscribers, "ontvanger");
        var send = await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(
            new PrepareSend.Command(issueKey, DateTime.UtcNow.AddDays(7), "redacteur@example.org"), CancellationToken.None));
        Assert.Equal(subscribers, send.Recipients);
        return new SendScenario(database, send.Id);
    }

    /// <summary>Settings for an app process that sends this scenario's mail to <paramref name="smtpPort"/>.</summary>
    public IReadOnlyList<string> AppSettings(int smtpPort, int messagesPerSecond) =>
    [
        $"--Database:Provider={Database.Provider}",
        $"--ConnectionStrings:Default={Database.ConnectionString}",
        $"--Storage:DataPath={Database.DataPath}",
        $"--Sync:Root={RepoPaths.USync}",
        "--Sync:ImportOnEmptyDatabase=false",
        "--Smtp:Host=127.0.0.1",
        $"--Smtp:Port={smtpPort}",
        "--Smtp:UseStartTls=false",
        "--Smtp:TimeoutSeconds=10",
        "--Newsletter:FromAddress=nieuwsbrief@kennisplatform.test",
        $"--Newsletter:MaxMessagesPerSecond={messagesPerSecond}",
        "--Newsletter:Connections=2",
        "--Newsletter:LeaseSeconds=3",
    ];

    /// <summary>Makes the scheduled send due: the next scheduler tick of a running app starts it.</summary>
    public async Task ReleaseAsync()
    {
        await using var connection = await OpenAsync();
        await Execute(connection, """UPDATE "NewsletterSends" SET "ScheduledUtc" = @due WHERE "Id" = @id""", ("@due", DateTime.UtcNow.AddMinutes(-1)), ("@id", SendId));
    }

    public async Task<IReadOnlyList<LedgerRow>> LedgerAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, """SELECT "Id", "ToAddress", "State", "MessageId" FROM "MailLedger" WHERE "GroupId" = @id""", ("@id", SendId));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LedgerRow(reader.GetInt64(0), reader.GetString(1), (MailState)reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    public async Task<SendState> StateAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, """SELECT "State" FROM "NewsletterSends" WHERE "Id" = @id""", ("@id", SendId));
        return (SendState)Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the send is Completed (every row final), up to <paramref name="timeout"/>.</summary>
    public async Task WaitUntilCompletedAsync(TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await StateAsync() != SendState.Completed)
        {
            if (DateTime.UtcNow > deadline)
            {
                var open = (await LedgerAsync()).GroupBy(r => r.State).Select(g => $"{g.Key}: {g.Count()}");
                throw new TimeoutException($"The send was not completed within {timeout}: {string.Join(", ", open)}. {diagnostics()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The editor's controls, as the back-office calls them, on a context of the test's own.</summary>
    public async Task<bool> ControlAsync(Func<SendControl, long, Task<bool>> action)
    {
        var options = new DbContextOptionsBuilder<KnowledgeDbContext>();
        DataSetup.Configure(options, new DatabaseSettings(Database.Provider, Database.ConnectionString, Database.DataPath));
        await using var db = new KnowledgeDbContext(options.Options);
        return await action(new SendControl(db, TimeProvider.System, new KnowledgePlatform.Web.Content.PublishContent.Handler(db, TimeProvider.System)), SendId);
    }

    public async Task<DbConnection> OpenAsync() => await new MailLedgerStore(new DatabaseSettings(Database.Provider, Database.ConnectionString, Database.DataPath)).OpenAsync(CancellationToken.None);

    private static async Task Execute(DbConnection connection, string sql, params (string, object)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }
}

public sealed record LedgerRow(long Id, string ToAddress, MailState State, string? MessageId);
