using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>An editor's actions on an event's registrations; each under the event's lock and in the audit trail.</summary>
public static class ManageRegistrations
{
    public enum Action
    {
        Confirm,
        Cancel,
        Attended,
    }

    /// <summary>What a message to all did: how many it was queued for, or that this form was sent before.</summary>
    public sealed record MessageOutcome(int Recipients, bool AlreadySent);

    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock, RegistrationMails mails, WaitlistSeats seats,
        MailAbuseGuard guard, IOptions<RegistrationOptions> options)
    {
        /// <summary>Confirm (also from the waitlist; the editor may go over capacity), cancel, or mark attended. False if not applicable.</summary>
        public async Task<bool> ChangeAsync(Guid eventKey, long registrationId, Action action, string editor, CancellationToken ct)
        {
            if (await db.LiveEventAsync(eventKey, ct) is not var (_, e))
            {
                return false;
            }

            return await EventLock.WithLockAsync(db, eventKey, async _ =>
            {
                var r = await db.Registrations().SingleOrDefaultAsync(x => x.Id == registrationId && x.EventKey == eventKey && x.AnonymisedUtc == null, ct);
                if (r is null)
                {
                    return false;
                }

                var before = r.Status;
                var now = clock.GetUtcNow().UtcDateTime;
                switch (action)
                {
                    case Action.Confirm when r.Status is RegistrationStatus.Waitlisted or RegistrationStatus.Offered or RegistrationStatus.Cancelled:
                        seats.Confirm(db, r, eventKey, e, now);
                        break;
                    case Action.Cancel when r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted or RegistrationStatus.Offered:
                        if (r.Status == RegistrationStatus.Confirmed)
                        {
                            mails.Cancelled(db, r, eventKey, e, byRegistrant: true);
                        }

                        r.Status = RegistrationStatus.Cancelled;
                        r.OfferExpiresUtc = null;
                        r.UpdatedUtc = now;
                        break;
                    case Action.Attended when r.Status is RegistrationStatus.Confirmed:
                        r.Status = RegistrationStatus.Attended;
                        r.UpdatedUtc = now;
                        break;
                    default:
                        return false;
                }

                AuditLog.Record(db, editor, "registration.status", "Registration", r.Key.ToString("D"),
                    new { status = before.ToString() }, new { status = r.Status.ToString() });
                await db.SaveChangesAsync(ct);
                if (action == Action.Cancel)
                {
                    await seats.FillAsync(db, eventKey, e, offer: true, ct);
                }

                return true;
            }, ct);
        }

        /// <summary>
        /// Queues one mail to everyone registered or waiting. <paramref name="messageId"/> comes from the form, so
        /// posting it twice (a double click, a reload) sends nothing the second time; the number of messages per
        /// event per day is limited (<see cref="RegistrationLimits.MessagesPerEventPerDay"/>), as everything that sends mail.
        /// </summary>
        /// <exception cref="ValidationFailedException">Empty or too long subject or text, or the day's limit reached (Dutch).</exception>
        public async Task<MessageOutcome> MessageAllAsync(Guid eventKey, Guid messageId, string subject, string text, string editor, CancellationToken ct)
        {
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(subject) || subject.Trim().Length > 200)
            {
                errors.Add("Subject", "Vul een onderwerp in (hoogstens 200 tekens).");
            }

            if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 10_000)
            {
                errors.Add("Text", "Vul een bericht in (hoogstens 10.000 tekens).");
            }

            errors.ThrowIfAny();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sentBefore = $"registration.message:{messageId:D}:";
            if (await db.Set<MailLedgerEntry>().AsNoTracking().AnyAsync(m => m.DedupeKey.StartsWith(sentBefore), ct))
            {
                return new MessageOutcome(0, AlreadySent: true);
            }

            var perDay = options.Value.Limits.MessagesPerEventPerDay;
            var limits = new MailLimitsOptions { PerAddressPerDay = perDay, PerIpPerHour = int.MaxValue, OverallPerHour = int.MaxValue };
            if (await guard.CheckAsync("registrations.message", eventKey.ToString("N"), null, false, limits, ct) != AbuseVerdict.Allowed)
            {
                errors.Add("Text", $"Voor deze bijeenkomst zijn vandaag al {perDay} berichten verstuurd. Morgen kan het weer.");
                errors.ThrowIfAny();
            }

            var recipients = await db.Registrations().Where(r => r.EventKey == eventKey && r.AnonymisedUtc == null
                && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted || r.Status == RegistrationStatus.Offered))
                .ToListAsync(ct);
            recipients.ForEach(r => mails.Message(db, r, messageId, subject.Trim(), text.Trim()));
            AuditLog.Record(db, editor, "registrations.message", "Event", eventKey.ToString("D"), null,
                new { subject = subject.Trim(), recipients = recipients.Count });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new MessageOutcome(recipients.Count, AlreadySent: false);
        }
    }
}
