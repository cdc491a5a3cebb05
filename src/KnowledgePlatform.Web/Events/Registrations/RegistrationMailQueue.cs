using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// THE one place registration mails leave this module: into the Mail module's durable ledger, in
/// the caller's unit of work, so a mail is queued if and only if the change that caused it commits.
/// The ledger's unique DedupeKey makes a second enqueue of the same fact a no-op.
/// </summary>
internal static class RegistrationMailQueue
{
    public static void Enqueue(KnowledgeDbContext db, RegistrationMail mail)
    {
        if (!MailboxAddress.TryCreate(mail.To, mail.ToName, out var to))
        {
            return; // only anonymised rows have an unusable address, and they are never mailed
        }

        MailQueue.Enqueue(db, new OutgoingMail(mail.Kind, mail.DedupeKey, to, mail.Subject, mail.Html, mail.Text)
        {
            Attachments = [.. mail.Attachments.Select(a => new MailAttachment(a.FileName, a.ContentType, a.Content))],
        });
    }
}
