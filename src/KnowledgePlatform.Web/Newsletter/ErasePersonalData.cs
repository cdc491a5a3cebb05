using System.Security.Cryptography;
using System.Text;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Erasure on request (GDPR): name and address go from everywhere, in one transaction —
/// registrations (anonymised by <see cref="RegistrationPersonalData"/>, seats freed), the
/// subscriber (kept as an "erased" row without address or name, so counts and the consent
/// history stay; its signed links die), the consent ledger's IP addresses, every mail-ledger row
/// addressed to them (recipient, name, content; mail not yet sent is cancelled) and the abuse
/// counters for the address. What stays is a salted hash on the suppression list, so an import does
/// not re-add the address by mistake, and an audit entry without the address.
/// </summary>
public static class ErasePersonalData
{
    public const string ErasedAddress = "gewist@invalid";

    public sealed record Command(string Email, string Actor);

    public sealed record Result(long? SubscriberId, int Registrations, int Mails);

    public sealed class Handler(KnowledgeDbContext db, RegistrationPersonalData registrations, NewsletterSecrets secrets, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken ct)
        {
            var address = MailboxAddress.Normalize(command.Email) ?? command.Email.Trim();
            var lower = address.ToLowerInvariant();
            var hash = await secrets.AddressHashAsync(address, ct);
            return await db.InTransactionAsync(async () =>
            {
                var now = NewsletterClock.Now(clock);
                var registrationCount = await registrations.EraseAsync(lower, command.Actor, ct);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): case-insensitive on both providers
                var subscribers = await db.Set<Subscriber>().Where(s => s.Email.ToLower() == lower).ToListAsync(ct);
                var ids = subscribers.Select(s => (long?)s.Id).ToList();
                var rows = db.Set<MailLedgerEntry>().Where(m => m.ToAddress.ToLower() == lower || (ids.Contains(m.RecipientRef) && m.Kind == PrepareSend.Kind));
#pragma warning restore CA1304, CA1311, CA1862
                int[] unsent = [(int)MailState.Queued, (int)MailState.Held, (int)MailState.Claimed];
                await rows.Where(m => unsent.Contains((int)m.State))
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, MailState.Cancelled).SetProperty(m => m.LeaseOwner, (string?)null), ct);
                var mails = await rows.ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.ToAddress, ErasedAddress).SetProperty(m => m.ToName, (string?)null)
                    .SetProperty(m => m.Subject, (string?)null).SetProperty(m => m.Html, (string?)null).SetProperty(m => m.Text, (string?)null)
                    .SetProperty(m => m.Parts, (string?)null).SetProperty(m => m.LastReply, (string?)null), ct);
                foreach (var subscriber in subscribers)
                {
                    Blank(subscriber, now);
                    await db.Set<ConsentRecord>().Where(c => c.SubscriberId == subscriber.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(c => c.Ip, (string?)null), ct);
                }

                var counterHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(lower)))[..32];
                await db.Set<MailRateCounter>().Where(c => EF.Functions.Like(c.Scope, "%:" + counterHash)).ExecuteDeleteAsync(ct);
                if (!await db.Set<SuppressedAddress>().AnyAsync(s => s.Hash == hash, ct))
                {
                    db.Set<SuppressedAddress>().Add(new SuppressedAddress { Hash = hash, Reason = "erased", AtUtc = now });
                }

                var subscriberId = subscribers.FirstOrDefault()?.Id;
                AuditLog.Record(db, command.Actor, "subscriber.erased", "subscriber", subscriberId?.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                    new { subscribers = subscribers.Count, registrations = registrationCount, mails });
                await db.SaveChangesAsync(ct);
                return new Result(subscriberId, registrationCount, mails);
            }, ct);
        }

        /// <summary>Nothing that identifies the person; a new creation time kills every signed link made for the old row.</summary>
        private static void Blank(Subscriber s, DateTime now)
        {
            s.Email = $"gewist-{s.Id}";
            s.Name = null;
            s.Status = SubscriberStatus.Erased;
            s.AllTopics = false;
            s.Terms = "|";
            s.ConfirmationTokenHash = null;
            s.ConfirmationExpiresUtc = null;
            s.LastBounce = null;
            s.Source = "gewist";
            s.CreatedUtc = now;
            s.UpdatedUtc = now;
        }
    }
}
