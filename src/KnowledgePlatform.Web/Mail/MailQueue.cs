using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// The one way to send mail: add a ledger row to the caller's unit of work, so the mail exists
/// exactly when the caller's change commits. The dispatcher does the rest.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The agreed contract name (CONTRACTS.md).")]
public static class MailQueue
{
    /// <summary>
    /// Adds the mail unless a row with the same DedupeKey exists (saved or pending in this context);
    /// returns false for such a no-op. Nothing is saved: the caller's SaveChanges commits it.
    /// </summary>
    public static bool Enqueue(KnowledgeDbContext db, OutgoingMail mail)
    {
        if (IsPending(db, mail.DedupeKey) || db.Set<MailLedgerEntry>().AsNoTracking().Any(m => m.DedupeKey == mail.DedupeKey))
        {
            return false;
        }

        db.Set<MailLedgerEntry>().Add(NewRow(mail, DateTime.UtcNow));
        return true;
    }

    public static async Task<bool> EnqueueAsync(KnowledgeDbContext db, OutgoingMail mail, CancellationToken ct)
    {
        if (IsPending(db, mail.DedupeKey) || await db.Set<MailLedgerEntry>().AsNoTracking().AnyAsync(m => m.DedupeKey == mail.DedupeKey, ct))
        {
            return false;
        }

        db.Set<MailLedgerEntry>().Add(NewRow(mail, DateTime.UtcNow));
        return true;
    }

    private static bool IsPending(KnowledgeDbContext db, string key) =>
        db.ChangeTracker.Entries<MailLedgerEntry>().Any(e => e.Entity.DedupeKey == key);

    private static MailLedgerEntry NewRow(OutgoingMail mail, DateTime now) => mail.Encoded is not null
        ? throw new ArgumentException("Pre-encoded bodies are for mail rendered at send time; enqueue Html and Text.", nameof(mail))
        : new()
    {
        Kind = mail.Kind,
        DedupeKey = mail.DedupeKey,
        ToAddress = mail.To.Address,
        ToName = mail.To.DisplayName,
        Subject = MailboxAddress.SingleLine(mail.Subject, 998) ?? "",
        Html = mail.Html,
        Text = mail.Text,
        Parts = StoredMailParts.From(mail),
        State = MailState.Queued,
        CreatedUtc = now,
    };
}
