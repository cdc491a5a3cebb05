using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// What sending costs the database, for the benchmark (`newsletter benchmark-send`): statements and
/// time of the dispatcher's own SQL and of EF queries made on its behalf (rendering, outcomes).
/// Counted only inside a dispatcher worker's flow; a few interlocked additions per statement.
/// </summary>
public sealed class MailDispatchStats
{
    private static readonly AsyncLocal<bool> InDispatcher = new();
    private long statements;
    private long ticks;
    private long messages;
    private long bytes;
    private readonly long[] stageTicks = new long[3];

    public long Statements => Interlocked.Read(ref statements);

    public TimeSpan DatabaseTime => TimeSpan.FromTicks(Interlocked.Read(ref ticks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    public long Messages => Interlocked.Read(ref messages);

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Where a worker's time goes besides the database (wall time summed over workers).</summary>
    public enum Stage
    {
        Render,
        Encode,
        Wire,
    }

    public TimeSpan TimeIn(Stage stage) =>
        TimeSpan.FromTicks(Interlocked.Read(ref stageTicks[(int)stage]) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    /// <summary>Adds the time since <paramref name="startedTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to a stage.</summary>
    public void CountStage(Stage stage, long startedTimestamp) =>
        Interlocked.Add(ref stageTicks[(int)stage], Stopwatch.GetTimestamp() - startedTimestamp);

    /// <summary>Marks the calling worker's async flow as the dispatcher's.</summary>
    public static void EnterDispatcher() => InDispatcher.Value = true;

    public void CountStatement(long elapsedTimestamp)
    {
        Interlocked.Increment(ref statements);
        Interlocked.Add(ref ticks, elapsedTimestamp);
    }

    public void CountMessages(int count, long size)
    {
        Interlocked.Add(ref messages, count);
        Interlocked.Add(ref bytes, size);
    }

    /// <summary>Counts EF commands run in a dispatcher worker's flow.</summary>
    internal sealed class Interceptor(MailDispatchStats stats) : DbCommandInterceptor
    {
        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        private void Count(CommandExecutedEventData data)
        {
            if (InDispatcher.Value)
            {
                stats.CountStatement((long)(data.Duration.Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond)));
            }
        }
    }
}
