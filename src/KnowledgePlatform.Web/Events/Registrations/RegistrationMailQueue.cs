using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// THE one place registration mails leave this module: into the Mail module's durable ledger, in
/// the caller's unit of work, so a mail is queued if and only if the change that caused it commits.
/// </summary>
internal static class RegistrationMailQueue
{
    public static void Enqueue(KnowledgeDbContext db, RegistrationMail mail)
    {
        // PENDING MAILCORE: MailQueue.Enqueue(db, new OutgoingMail(...)) once the Mail module is on main.
        _ = db;
        _ = mail;
    }
}
