using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using KnowledgePlatform.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// The dispatcher's hot path in plain parameterised SQL, the same on both providers except for
/// PostgreSQL's FOR UPDATE SKIP LOCKED (several instances split the work; SQLite's single writer
/// makes the claim atomic by itself). Every state change is conditional on our claim.
/// </summary>
public sealed partial class MailLedgerStore(DatabaseSettings settings, MailDispatchStats? stats = null)
{
    private const string Columns = "\"Id\", \"Kind\", \"DedupeKey\", \"ToAddress\", \"ToName\", \"Subject\", \"Html\", \"Text\", \"Parts\", \"GroupId\", \"RecipientRef\", \"Attempts\", \"MessageId\"";

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = settings.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(settings.ConnectionString)
            : new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(DbConnection connection, string owner, int count, long nowMs, long leaseUntilMs, CancellationToken ct)
    {
        var skipLocked = settings.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        await using var command = Command(connection, $"""
            UPDATE "MailLedger" SET "State" = 1, "LeaseOwner" = @owner, "LeaseUntilMs" = @lease
            WHERE "Id" IN (SELECT "Id" FROM "MailLedger" WHERE "State" = 0 AND "DueAtMs" <= @now
                           ORDER BY "State", "Priority", "Id" LIMIT @count{skipLocked})
            RETURNING {Columns}
            """, ("@owner", owner), ("@lease", leaseUntilMs), ("@now", nowMs), ("@count", count));
        var rows = await ReadAsync(command, reader => new ClaimedMail(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Nullable(reader, 4), Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7), Nullable(reader, 8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetInt64(10),
                reader.GetInt32(11), Nullable(reader, 12)), ct);
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    /// <summary>
    /// Marks rows as going on the wire and fixes their Message-ID; returns the ids still ours. From
    /// here on a dead process leaves them Uncertain, never queued again.
    /// </summary>
    public async Task<HashSet<long>> MarkInFlightAsync(DbConnection connection, string owner, IReadOnlyList<long> ids,
        string nonce, string domain, long leaseUntilMs, CancellationToken ct)
    {
        await using var command = Command(connection, $"""
            UPDATE "MailLedger" SET "State" = 2, "LeaseUntilMs" = @lease, "Attempts" = "Attempts" + 1,
                "MessageId" = COALESCE("MessageId", CAST("Id" AS TEXT) || '.' || @nonce || '@' || @domain)
            WHERE "Id" IN ({InList(ids)}) AND "State" = 1 AND "LeaseOwner" = @owner
            RETURNING "Id"
            """, ("@owner", owner), ("@lease", leaseUntilMs), ("@nonce", nonce), ("@domain", domain));
        AddIds(command, ids);
        return [.. await ReadAsync(command, reader => reader.GetInt64(0), ct)];
    }

    /// <summary>The same Message-ID the database computes in <see cref="MarkInFlightAsync"/>.</summary>
    public static string MessageIdFor(ClaimedMail row, string nonce, string domain) =>
        row.MessageId ?? string.Create(CultureInfo.InvariantCulture, $"{row.Id}.{nonce}@{domain}");

    /// <summary>Final states for rows we hold (in flight, or already declared uncertain by a peer whose lease check ran).</summary>
    public async Task FinishAsync(DbConnection connection, string owner, IReadOnlyList<long> ids, MailState state, string? reply, DateTime nowUtc, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, $"""
            UPDATE "MailLedger" SET "State" = @state, "FinishedUtc" = @finished, "LastReply" = @reply, "LeaseOwner" = NULL
            WHERE "Id" IN ({InList(ids)}) AND "LeaseOwner" = @owner AND "State" IN (1, 2, 5)
            """, ("@state", (int)state), ("@finished", nowUtc), ("@reply", (object?)reply ?? DBNull.Value), ("@owner", owner));
        AddIds(command, ids);
        await ExecuteAsync(command, ct);
    }

    /// <summary>Back to the queue (or to held, when its group was paused meanwhile), due at <paramref name="dueAtMs"/>.</summary>
    public async Task ReleaseAsync(DbConnection connection, string owner, IReadOnlyList<long> ids, long dueAtMs, string? reply, bool undoAttempt, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var attempts = undoAttempt ? "CASE WHEN \"State\" = 2 THEN \"Attempts\" - 1 ELSE \"Attempts\" END" : "\"Attempts\"";
        await using var command = Command(connection, $"""
            UPDATE "MailLedger" SET "DueAtMs" = @due, "LastReply" = COALESCE(@reply, "LastReply"), "LeaseOwner" = NULL,
                "Attempts" = {attempts},
                "State" = CASE WHEN "GroupId" IS NOT NULL AND EXISTS (SELECT 1 FROM "MailLedger" h WHERE h."GroupId" = "MailLedger"."GroupId" AND h."State" = 6) THEN 6 ELSE 0 END
            WHERE "Id" IN ({InList(ids)}) AND "LeaseOwner" = @owner AND "State" IN (1, 2)
            """, ("@due", dueAtMs), ("@reply", (object?)reply ?? DBNull.Value), ("@owner", owner));
        AddIds(command, ids);
        await ExecuteAsync(command, ct);
    }

    /// <summary>
    /// Heals what dead instances left: claimed-but-unsent rows go back to the queue; rows that were on
    /// the wire become Uncertain (the server may have them) and are never sent again automatically.
    /// They keep their lease owner: a worker that was only slow may still stamp what the server said.
    /// </summary>
    public async Task<(int Requeued, int Uncertain)> RecoverExpiredAsync(DbConnection connection, long nowMs, DateTime nowUtc, CancellationToken ct)
    {
        await using var requeue = Command(connection, """
            UPDATE "MailLedger" SET "State" = 0, "LeaseOwner" = NULL WHERE "State" = 1 AND "LeaseUntilMs" < @now
            """, ("@now", nowMs));
        var requeued = await ExecuteAsync(requeue, ct);
        await using var uncertain = Command(connection, """
            UPDATE "MailLedger" SET "State" = 5, "FinishedUtc" = @finished,
                "LastReply" = 'Onzeker: het proces stopte terwijl dit bericht werd verstuurd.'
            WHERE "State" = 2 AND "LeaseUntilMs" < @now
            """, ("@now", nowMs), ("@finished", nowUtc));
        return (requeued, await ExecuteAsync(uncertain, ct));
    }

    private async Task<List<T>> ReadAsync<T>(DbCommand command, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = new List<T>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(row(reader));
            }
        }

        stats?.CountStatement(Stopwatch.GetTimestamp() - started);
        return rows;
    }

    private async Task<int> ExecuteAsync(DbCommand command, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var count = await command.ExecuteNonQueryAsync(ct);
        stats?.CountStatement(Stopwatch.GetTimestamp() - started);
        return count;
    }

    private static string? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string InList(IReadOnlyList<long> ids) => string.Join(", ", Enumerable.Range(0, ids.Count).Select(i => "@i" + i.ToString(CultureInfo.InvariantCulture)));

    private static void AddIds(DbCommand command, IReadOnlyList<long> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            Add(command, "@i" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> (this store's statements on <paramref name="connection"/>) as one
    /// transaction: one commit — on SQLite one fsync — for all of it.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(DbConnection connection, Func<Task<T>> work, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        stats?.CountStatement(Stopwatch.GetTimestamp() - started);
        Current.Value = transaction;
        try
        {
            var result = await work();
            started = Stopwatch.GetTimestamp();
            await transaction.CommitAsync(ct);
            stats?.CountStatement(Stopwatch.GetTimestamp() - started);
            return result;
        }
        finally
        {
            Current.Value = null;
        }
    }

    private static readonly AsyncLocal<DbTransaction?> Current = new();

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = Current.Value is { } transaction && transaction.Connection == connection ? transaction : null;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
