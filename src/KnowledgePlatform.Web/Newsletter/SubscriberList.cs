using System.Data.Common;
using System.Globalization;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// The editors' subscriber list: filters on status, a chosen theme, a chosen region (both: both),
/// and part of the address; erased rows only when asked for. Plus active subscribers per topic.
/// </summary>
public sealed class SubscriberList(KnowledgeDbContext db)
{
    public sealed record Filter(SubscriberStatus? Status, Guid? Theme, Guid? Region, string? Q);

    public sealed record TopicCount(Topic Topic, int Active);

    public IQueryable<Subscriber> Query(Filter filter)
    {
        var query = db.Set<Subscriber>().AsNoTracking();
        query = filter.Status is { } status ? query.Where(s => s.Status == status) : query.Where(s => s.Status != SubscriberStatus.Erased);
        foreach (var topic in new[] { filter.Theme, filter.Region }.OfType<Guid>())
        {
            var needle = $"|{topic}|";
            query = query.Where(s => s.Terms.Contains(needle));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): case-insensitive on both providers
            query = query.Where(s => s.Email.ToLower().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query;
    }

    public async Task<(IReadOnlyList<Subscriber> Rows, int Total)> PageAsync(Filter filter, int page, int size, CancellationToken ct)
    {
        var query = Query(filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.Id).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Active subscribers per status, and per topic (one pass over the table; "alles" readers counted once, as <c>All</c>).</summary>
    public async Task<(IReadOnlyDictionary<SubscriberStatus, int> PerStatus, IReadOnlyList<TopicCount> PerTopic, int All)> CountsAsync(
        IReadOnlyList<Topic> topics, CancellationToken ct)
    {
        var perStatus = await db.Set<Subscriber>().AsNoTracking().GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await using var command = connection.CreateCommand();
        var sums = topics.Select((t, i) => $"SUM(CASE WHEN \"Terms\" LIKE @t{i} THEN 1 ELSE 0 END)").Prepend("SUM(CASE WHEN \"AllTopics\" THEN 1 ELSE 0 END)");
        command.CommandText = $"SELECT {string.Join(", ", sums)} FROM \"Subscribers\" WHERE \"Status\" = {(int)SubscriberStatus.Active}";
        for (var i = 0; i < topics.Count; i++)
        {
            Add(command, $"@t{i}", $"%|{topics[i].Key}|%");
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        int At(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
        return (perStatus, [.. topics.Select((t, i) => new TopicCount(t, At(i + 1)))], At(0));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
