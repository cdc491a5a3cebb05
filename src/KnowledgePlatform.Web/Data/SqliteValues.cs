using System.Globalization;

namespace KnowledgePlatform.Web.Data;

/// <summary>
/// EF stores SQLite Guids and DateTimes as text in these formats; raw SQL that compares with such
/// columns binds its parameters alike (PostgreSQL takes the typed values as they are).
/// </summary>
internal static class SqliteValues
{
    public static string Text(Guid value) => value.ToString("D").ToUpperInvariant();

    public static string Text(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
