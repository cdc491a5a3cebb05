using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnowledgePlatform.Web.Data;

/// <summary>
/// SQLite hands DateTimes back as Unspecified; Npgsql insists on Utc for timestamptz. Marking
/// every value Utc on the way in and out keeps both providers (and comparisons) honest.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
