using System.Net;
using System.Net.Mail;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// A reader registers for an event: a seat if one is free, otherwise the waitlist, decided under
/// the event's lock so the capacity is never exceeded. The mail is queued in the same transaction.
/// Registering again with the same address changes nothing and re-sends the personal link.
/// Behind the Mail module's abuse guard (honeypot; per address, IP and overall, counted in the
/// database, so the limits hold across instances) with this module's own limits.
/// </summary>
public static class Register
{
    public const string AbusePurpose = "registration";

    /// <param name="ClientIp">For the per-IP abuse limit.</param>
    /// <param name="HoneypotFilled">The hidden field people leave empty was filled in: a bot.</param>
    public sealed record Command(string Slug, string? Name, string? Email, RegistrationAnswers? Answers, IPAddress? ClientIp = null,
        bool HoneypotFilled = false);

    /// <param name="Position">Place on the waitlist (1 is next), when waitlisted.</param>
    /// <param name="Ignored">A bot (honeypot): nothing was stored or sent; answer as if it worked.</param>
    public sealed record Result(Guid EventKey, string EventTitle, RegistrationStatus Status, int? Position, bool AlreadyRegistered, bool Ignored = false);

    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock, RegistrationMails mails, MailAbuseGuard guard, IOptions<RegistrationOptions> options)
    {
        /// <exception cref="ValidationFailedException">Invalid name, address or answers (Dutch messages).</exception>
        /// <exception cref="RegistrationClosedException">No registration here (now).</exception>
        /// <exception cref="RegistrationLimitException">Too many attempts from this address or network.</exception>
        /// <returns>Null when no published event has this slug.</returns>
        public async Task<Result?> HandleAsync(Command command, CancellationToken ct)
        {
            var (name, email) = Validate(command);
            if (await db.LiveEventBySlugAsync(command.Slug, ct) is not var (item, e))
            {
                return null;
            }

            if (EventDetails.ClosedReason(e, clock.GetUtcNow()) is { } closed)
            {
                throw new RegistrationClosedException(closed);
            }

            switch (await guard.CheckAsync(AbusePurpose, email, command.ClientIp, command.HoneypotFilled, options.Value.Limits.ForGuard(), ct))
            {
                case AbuseVerdict.Honeypot:
                    return new Result(item.Key, e.Title, RegistrationStatus.Confirmed, null, false, Ignored: true);
                case not AbuseVerdict.Allowed:
                    throw new RegistrationLimitException();
            }

            var answers = (command.Answers ?? new()).For(e.Registration.Questions).ToJson();
            return await EventLock.WithLockAsync(db, item.Key, async _ =>
            {
                var existing = await db.Registrations().FirstOrDefaultAsync(
                    r => r.EventKey == item.Key && r.Email == email && r.Status != RegistrationStatus.Cancelled, ct);
                if (existing is not null)
                {
                    mails.LinkAgain(db, existing, e);
                    return new Result(item.Key, e.Title, existing.Status, await WaitlistPositionAsync(db, existing, ct), true);
                }

                var capacity = RegistrationData.CapacityOf(e);
                var taken = await db.Registrations().CountAsync(r => r.EventKey == item.Key
                    && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Offered || r.Status == RegistrationStatus.Attended), ct);
                // Nobody jumps the queue: with people waiting, a seat that is free is being offered to them.
                var waiting = await db.Registrations().AnyAsync(r => r.EventKey == item.Key && r.Status == RegistrationStatus.Waitlisted, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var registration = new EventRegistration
                {
                    Key = Guid.NewGuid(),
                    EventKey = item.Key,
                    Name = name,
                    Email = email,
                    Answers = answers,
                    Status = capacity is null || (taken < capacity && !waiting) ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
                    Token = RegistrationTokens.New(),
                    CreatedUtc = now,
                    UpdatedUtc = now,
                };
                db.Registrations().Add(registration);
                await db.SaveChangesAsync(ct);
                var position = await WaitlistPositionAsync(db, registration, ct);
                if (registration.Status == RegistrationStatus.Confirmed)
                {
                    mails.Confirmed(db, registration, item.Key, e);
                }
                else
                {
                    mails.Waitlisted(db, registration, e, position ?? 0);
                }

                return new Result(item.Key, e.Title, registration.Status, position, false);
            }, ct);
        }

        public static async Task<int?> WaitlistPositionAsync(KnowledgeDbContext db, EventRegistration r, CancellationToken ct) =>
            r.Status == RegistrationStatus.Waitlisted
                ? await db.Registrations().CountAsync(o => o.EventKey == r.EventKey && o.Status == RegistrationStatus.Waitlisted && o.Id <= r.Id, ct)
                : null;

        private static (string Name, string Email) Validate(Command command)
        {
            var errors = new ValidationErrors();
            var name = command.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                errors.Add("name", "Vul je naam in.");
            }
            else if (name.Length > 200)
            {
                errors.Add("name", "Je naam is te lang (hoogstens 200 tekens).");
            }

            var email = (MailboxAddress.Normalize(command.Email) ?? command.Email?.Trim() ?? "").ToLowerInvariant();
            if (email.Length == 0)
            {
                errors.Add("email", "Vul je e-mailadres in.");
            }
            else if (!IsEmail(email))
            {
                errors.Add("email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
            }

            foreach (var (field, value) in (command.Answers ?? new()).Given())
            {
                if (value.Length > RegistrationAnswers.MaxLength)
                {
                    errors.Add($"answers.{char.ToLowerInvariant(field[0])}{field[1..]}", $"Dit antwoord is te lang (hoogstens {RegistrationAnswers.MaxLength} tekens).");
                }
            }

            errors.ThrowIfAny();
            return (name, email);
        }

        /// <summary>One plain address (no display name, no list), with a dot in the domain.</summary>
        public static bool IsEmail(string value) =>
            MailboxAddress.Normalize(value) is not null && value.Length <= 254 && !value.Any(char.IsWhiteSpace) && !value.Contains(',', StringComparison.Ordinal)
            && MailAddress.TryCreate(value, out var address) && address.Address == value
            && address.Host.Contains('.', StringComparison.Ordinal) && !address.Host.EndsWith('.');
    }
}

/// <summary>Registration is not open (wrong mode, cancelled, past or after the deadline); the message is Dutch.</summary>
public sealed class RegistrationClosedException(string message) : Exception(message);

/// <summary>The abuse limits were reached for this address or IP.</summary>
public sealed class RegistrationLimitException() : Exception("Te veel aanmeldingen in korte tijd. Probeer het over een uur opnieuw.");
