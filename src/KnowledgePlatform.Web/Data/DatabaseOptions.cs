namespace KnowledgePlatform.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>`Database:*` and `ConnectionStrings:Default`, resolved and validated at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>As configured, so a wrong value can be reported verbatim.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var p) ? p : throw new InvalidOperationException(Provider);
}

/// <summary>`Storage:DataPath`: where the SQLite file, media and keys live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataPath { get; set; } = "data";
}
