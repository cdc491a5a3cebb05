using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>The one place this module writes to the audit trail (in the caller's transaction).</summary>
internal static class RegistrationAudit
{
    public static void Record(KnowledgeDbContext db, string actor, string action, Guid eventKey, object? after) =>
        AuditLog.Record(db, actor, action, "Event", eventKey.ToString("D"), null, after);
}
