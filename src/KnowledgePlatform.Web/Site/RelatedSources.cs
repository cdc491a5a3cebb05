using System.Globalization;
using System.Text;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// For related content: the newest items naming each of an item's terms and people, as one
/// UNION ALL of index ranges over (TargetKey, Kind, SourcePublishedUtc). Written as SQL text with
/// parameters, because the same query built from LINQ costs more CPU than it runs: EF Core walks,
/// hashes and compares an expression tree that grows with every target, on every request.
/// </summary>
internal static class RelatedSources
{
    public const int PerTarget = 50;

    // SQLite allows 500 parts in one compound SELECT; a hundred targets per query stays well under.
    private const int TargetsPerQuery = 100;

    /// <summary>The keys of the items naming each target (other than <paramref name="key"/>), once per target they name.</summary>
    public static async Task<List<Guid>> NewestAsync(KnowledgeDbContext db, Guid key, IEnumerable<(Guid TargetKey, ReferenceKind Kind)> targets, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        // EF stores SQLite Guids as upper-case text; PostgreSQL takes the uuid as it is.
        object Value(Guid guid) => sqlite ? SqliteValues.Text(guid) : guid;
        var sources = new List<Guid>();
        foreach (var chunk in targets.Distinct().Chunk(TargetsPerQuery))
        {
            var sql = new StringBuilder();
            var parameters = new List<object> { Value(key) };
            foreach (var (targetKey, kind) in chunk)
            {
                if (parameters.Count > 1)
                {
                    sql.Append(" UNION ALL ");
                }

                var (t, k) = (parameters.Count, parameters.Count + 1);
                parameters.Add(Value(targetKey));
                parameters.Add(kind.ToString()); // stored as its name (ContentReferenceMapping)
                sql.Append(CultureInfo.InvariantCulture, $$"""SELECT "SourceKey" AS "Value" FROM (SELECT "SourceKey" FROM "ContentReferences" WHERE "TargetKey" = {{{t}}} AND "Kind" = {{{k}}} AND "SourceKey" <> {0} ORDER BY "SourcePublishedUtc" DESC LIMIT {{PerTarget}}) AS "r{{t}}" """);
            }

            sources.AddRange(await db.Database.SqlQueryRaw<Guid>(sql.ToString(), [.. parameters]).ToListAsync(ct));
        }

        return sources;
    }
}
