using System.Text;
using System.Text.RegularExpressions;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// Reads every row of every table of a test database as text and reports where any of the given
/// words occurs (case-insensitive) — also inside base64 runs (mail attachments are stored as
/// base64 in JSON) — so a test can prove that erased data is gone from all of it, including tables
/// added later.
/// </summary>
public static partial class DatabaseScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(TestDatabase database, params string[] words)
    {
        var hits = new List<string>();
        var tables = 0;
        await foreach (var (table, text) in RowsAsync(database))
        {
            tables += text is null ? 1 : 0;
            if (text is null)
            {
                continue;
            }

            // JSON escapes + and = inside strings; undo that so base64 runs stay whole.
            var unescaped = text.Replace("\\u002B", "+", StringComparison.OrdinalIgnoreCase).Replace("\\u003D", "=", StringComparison.OrdinalIgnoreCase)
                .Replace("\\/", "/", StringComparison.Ordinal);
            var decoded = string.Concat(Base64().Matches(unescaped).Select(m => TryDecode(m.Value)));
            foreach (var word in words.Where(w => (text + decoded).Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                hits.Add($"{table}: '{word}' in {(text.Length > 300 ? text[..300] + "…" : text)}");
            }
        }

        Assert.True(tables > 20, $"only {tables} tables were read");
        return hits;
    }

    /// <summary>(table, null) once per table, then (table, row as text) per row.</summary>
    private static async IAsyncEnumerable<(string Table, string? Text)> RowsAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in await NamesAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            {
                yield return (table, null);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        row.Append(reader.GetValue(i) switch { byte[] b => Encoding.UTF8.GetString(b), var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) }).Append(" | ");
                    }

                    yield return (table, row.ToString());
                }
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in await NamesAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            {
                yield return (table, null);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT CAST(t AS text) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" AS t";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    yield return (table, reader.GetString(0));
                }
            }
        }
    }

    private static async Task<List<string>> NamesAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string TryDecode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    [GeneratedRegex("[A-Za-z0-9+/]{24,}={0,2}")]
    private static partial Regex Base64();
}
