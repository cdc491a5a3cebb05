using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>The one place this module writes to the audit trail (in the caller's transaction).</summary>
internal static class RegistrationAudit
{
    public static void Record(KnowledgeDbContext db, string actor, string action, Guid eventKey, object? after)
    {
        // PENDING SKELETON: AuditLog.Record(db, actor, action, "Event", eventKey.ToString(), null, after) once Audit/ is on main.
        _ = (db, actor, action, eventKey, after);
    }
}
