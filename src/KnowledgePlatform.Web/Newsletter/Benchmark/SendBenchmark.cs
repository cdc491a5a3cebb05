using System.Diagnostics;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter.Benchmark;

/// <summary>
/// `newsletter benchmark-send`: the app's own dispatcher and scheduler (the hosted services, as in
/// the web app) send the send that `benchmark-prepare` left waiting, to the Smtp:* relay. Prints one
/// line: messages, seconds, messages/s, average size, peak RSS of this process while sending, and
/// the database statements and time per message. Run it on a copy of the prepared database.
/// </summary>
public static class SendBenchmark
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<KnowledgeDbContext>();
        var send = await db.Set<NewsletterSend>().AsNoTracking().Where(s => s.State == SendState.Scheduled).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (send is null)
        {
            await output.WriteLineAsync("Geen klaargezette verzending: voer eerst newsletter benchmark-prepare uit.");
            return 1;
        }

        var settings = services.GetRequiredService<DatabaseSettings>();
        var stats = services.GetRequiredService<MailDispatchStats>();
        var workers = services.GetServices<IHostedService>().Where(s => s is MailDispatcher or NewsletterScheduler).ToList();
        await db.Set<NewsletterSend>().Where(s => s.Id == send.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledUtc, DateTime.UtcNow.AddSeconds(-1)), ct);
        await NewsletterScheduler.TickAsync(services, DateTime.UtcNow, ct);

        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var clock = Stopwatch.StartNew();
        using var process = Process.GetCurrentProcess();
        var cpuAtStart = process.TotalProcessorTime;
        var peak = 0L;
        foreach (var worker in workers)
        {
            await worker.StartAsync(ct);
        }

        await using (var connection = await new MailLedgerStore(settings).OpenAsync(ct))
        {
            while (await OpenRowsAsync(connection, send.Id, ct) > 0)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(100, ct);
            }
        }

        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuAtStart;
        foreach (var worker in workers)
        {
            await worker.StopAsync(CancellationToken.None);
        }

        var messages = Math.Max(1, stats.Messages);
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"messages={stats.Messages} seconds={elapsed.TotalSeconds:F1} per_second={stats.Messages / elapsed.TotalSeconds:F0} avg_bytes={stats.Bytes / messages} " +
            $"peak_rss_mb={peak / 1048576.0:F0} statements={stats.Statements} statements_per_message={stats.Statements / (double)messages:F3} " +
            $"db_ms_per_message={stats.DatabaseTime.TotalMilliseconds / messages:F3} cpu_ms_per_message={cpu.TotalMilliseconds / messages:F3} " +
            $"render_ms_per_message={stats.TimeIn(MailDispatchStats.Stage.Render).TotalMilliseconds / messages:F3} " +
            $"encode_ms_per_message={stats.TimeIn(MailDispatchStats.Stage.Encode).TotalMilliseconds / messages:F3} " +
            $"wire_ms_per_message={stats.TimeIn(MailDispatchStats.Stage.Wire).TotalMilliseconds / messages:F3} provider={settings.Provider} load_at_start={load}"));
        return 0;
    }

    private static async Task<long> OpenRowsAsync(System.Data.Common.DbConnection connection, long sendId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "MailLedger" WHERE "GroupId" = @id AND "State" IN (0, 1, 2, 6)""";
        var p = command.CreateParameter();
        p.ParameterName = "@id";
        p.Value = sendId;
        command.Parameters.Add(p);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
