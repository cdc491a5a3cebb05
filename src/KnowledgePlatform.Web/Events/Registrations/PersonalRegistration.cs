using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>What the personal link shows: one registration and its event.</summary>
public sealed record PersonalView(
    string Name, string Email, RegistrationStatus Status, int? Position, DateTime? OfferExpiresUtc,
    string EventTitle, string EventSlug, EventContent Event, RegistrationAnswers Answers, bool CanCancel, bool CanClaim);

/// <summary>The personal link's three actions: view, cancel, and claim an offered seat.</summary>
public static class PersonalRegistration
{
    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock, RegistrationMails mails, WaitlistSeats seats)
    {
        public async Task<PersonalView?> ViewAsync(string token, CancellationToken ct)
        {
            var r = await FindAsync(token, ct);
            if (r is null || await db.LiveEventAsync(r.EventKey, ct) is not var (item, e))
            {
                return null;
            }

            var upcoming = e.Start > clock.GetUtcNow() && !e.Cancelled;
            return new PersonalView(r.Name, r.Email, r.Status, await Register.Handler.WaitlistPositionAsync(db, r, ct), r.OfferExpiresUtc,
                e.Title, item.LiveSlug ?? e.Slug, e, RegistrationAnswers.FromJson(r.Answers),
                CanCancel: upcoming && r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted or RegistrationStatus.Offered,
                CanClaim: upcoming && r.Status == RegistrationStatus.Offered);
        }

        /// <summary>Cancels; a seat it frees is offered to the first on the waitlist. False if nothing changed.</summary>
        public async Task<bool> CancelAsync(string token, CancellationToken ct)
        {
            var found = await FindAsync(token, ct);
            if (found is null || await db.LiveEventAsync(found.EventKey, ct) is not var (item, e))
            {
                return false;
            }

            return await EventLock.WithLockAsync(db, item.Key, async _ =>
            {
                var r = await db.Registrations().SingleAsync(x => x.Id == found.Id, ct);
                if (r.Status is RegistrationStatus.Cancelled or RegistrationStatus.Attended || e.Start <= clock.GetUtcNow())
                {
                    return false;
                }

                var hadInvitation = r.Status == RegistrationStatus.Confirmed;
                r.Status = RegistrationStatus.Cancelled;
                r.OfferExpiresUtc = null;
                r.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
                if (hadInvitation)
                {
                    mails.Cancelled(db, r, item.Key, e, byRegistrant: true);
                }

                await db.SaveChangesAsync(ct);
                await seats.FillAsync(db, item.Key, e, offer: true, ct);
                return true;
            }, ct);
        }

        /// <summary>Takes an offered seat before the offer expires. False if there is no (valid) offer.</summary>
        public async Task<bool> ClaimAsync(string token, CancellationToken ct)
        {
            var found = await FindAsync(token, ct);
            if (found is null || await db.LiveEventAsync(found.EventKey, ct) is not var (item, e))
            {
                return false;
            }

            return await EventLock.WithLockAsync(db, item.Key, async _ =>
            {
                var r = await db.Registrations().SingleAsync(x => x.Id == found.Id, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                if (r.Status != RegistrationStatus.Offered || r.OfferExpiresUtc <= now || e.Cancelled)
                {
                    return false;
                }

                seats.Confirm(db, r, item.Key, e, now);
                return true;
            }, ct);
        }

        private Task<EventRegistration?> FindAsync(string token, CancellationToken ct) =>
            token.Length is < 20 or > 64
                ? Task.FromResult<EventRegistration?>(null)
                : db.Registrations().AsNoTracking().FirstOrDefaultAsync(r => r.Token == token && r.AnonymisedUtc == null, ct);
    }
}
