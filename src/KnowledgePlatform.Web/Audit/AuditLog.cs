using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KnowledgePlatform.Web.Audit;

/// <summary>
/// The one way to write the audit trail. The entry is added to the caller's context, so it
/// commits (or rolls back) with the change it describes.
/// </summary>
public static class AuditLog
{
    /// <summary>Actor for work the platform does by itself (scheduled publishing, anonymisation).</summary>
    public const string System = "system";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="actor">The user's email (or id), or <see cref="System"/>.</param>
    /// <param name="action">A dotted verb, e.g. "content.publish", "user.login-failed".</param>
    /// <param name="before">State before the action (serialized to JSON), or null.</param>
    /// <param name="after">State after the action (serialized to JSON), or null.</param>
    public static AuditEntry Record(KnowledgeDbContext db, string actor, string action, string targetType, string? targetId,
        object? before, object? after)
    {
        var entry = new AuditEntry
        {
            AtUtc = Clock(db).GetUtcNow().UtcDateTime,
            Actor = Truncate(actor, 256),
            Action = Truncate(action, 64),
            TargetType = Truncate(targetType, 64),
            TargetId = targetId is null ? null : Truncate(targetId, 128),
            Before = Serialize(before),
            After = Serialize(after),
        };
        db.Add(entry);
        return entry;
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    // The app's TimeProvider (tests control it); the signature is shared with other modules, so it is found through the context.
    private static TimeProvider Clock(KnowledgeDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;
}
