using System.Net;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// A sign-up from a form, the embeddable form or the API. Always the same answer for a valid
/// address, known or not (no enumeration). A new or pending address gets a confirmation mail with a
/// single-use link that expires; a confirmed one gets a mail with a link to its preferences.
/// Behind the honeypot and the abuse limits; a refused request sends nothing.
/// </summary>
public static class Subscribe
{
    public const string ConsentText =
        "Ik wil de nieuwsbrief ontvangen over de gekozen thema's en regio's. Mijn e-mailadres wordt alleen daarvoor gebruikt; afmelden kan altijd via de link in elke nieuwsbrief.";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(48);

    public sealed record Command(string? Email, string? Name, bool All, IReadOnlyList<string> Themes, IReadOnlyList<string> Regions,
        string Source, IPAddress? Ip, bool HoneypotFilled);

    public enum Outcome
    {
        /// <summary>Shown as "check your mail" — also when nothing was sent (known address refused silently, honeypot).</summary>
        Accepted,

        /// <summary>Too many requests: a calm message, nothing sent.</summary>
        Throttled,
    }

    public sealed class Handler(KnowledgeDbContext db, MailAbuseGuard guard, NewsletterTopics topics, NewsletterMails mails, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken ct)
        {
            var email = MailboxAddress.Normalize(command.Email)
                ?? throw ValidationFailedException.For("Email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
            var name = MailboxAddress.CleanName(command.Name);
            if (command.Name?.Length > 200)
            {
                throw ValidationFailedException.For("Name", "Een naam is hoogstens 200 tekens.");
            }

            var (keys, unknown) = await topics.ResolveAsync(command.Themes, command.Regions, ct);
            if (unknown.Count > 0)
            {
                throw ValidationFailedException.For("Themes", $"Onbekend thema of regio: {string.Join(", ", unknown)}.");
            }

            var all = command.All || keys.Count == 0;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var verdict = await guard.CheckAsync("newsletter.signup", email, command.Ip, command.HoneypotFilled, ct);
            if (verdict != AbuseVerdict.Allowed)
            {
                await tx.CommitAsync(ct);
                return verdict == AbuseVerdict.Honeypot ? Outcome.Accepted : Outcome.Throttled;
            }

            var now = NewsletterClock.Now(clock);
            var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Email == email, ct);
            if (subscriber is { Status: SubscriberStatus.Active or SubscriberStatus.Paused })
            {
                // Already receiving: no change without the owner's click; tell them where their preferences are.
                await mails.AlreadySubscribedAsync(subscriber, now, ct);
            }
            else
            {
                subscriber ??= db.Set<Subscriber>().Add(new Subscriber { Email = email, Source = command.Source, CreatedUtc = now }).Entity;
                var token = NewsletterSecrets.NewToken();
                subscriber.Name = name;
                subscriber.Status = SubscriberStatus.Pending;
                subscriber.AllTopics = all;
                subscriber.Terms = Subscriber.TermsText(all ? [] : keys);
                subscriber.ConfirmationTokenHash = NewsletterSecrets.TokenHash(token);
                subscriber.ConfirmationExpiresUtc = now + TokenLifetime;
                subscriber.UpdatedUtc = now;
                await db.SaveChangesAsync(ct);
                Consent.Record(db, subscriber, "requested", command.Source, ConsentText, command.Ip, now);
                await mails.ConfirmationAsync(subscriber, token, ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome.Accepted;
        }
    }
}

internal static class NewsletterClock
{
    /// <summary>Whole seconds: PostgreSQL keeps microseconds, SQLite ticks; signed links hash this value.</summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}

internal static class Consent
{
    public static void Record(KnowledgeDbContext db, Subscriber subscriber, string action, string source, string text, IPAddress? ip, DateTime now) =>
        db.Set<ConsentRecord>().Add(new ConsentRecord
        {
            SubscriberId = subscriber.Id,
            AtUtc = now,
            Action = action,
            Source = source.Length > 100 ? source[..100] : source,
            Text = text,
            Ip = ip?.ToString(),
            Preferences = subscriber.AllTopics ? "alles" : subscriber.Terms,
        });
}
