using System.Net;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>The preference centre and the one-click unsubscribe, both reached by a signed link.</summary>
public static class ChangeSubscription
{
    public enum Change
    {
        Preferences,
        Pause,
        Resume,
        Unsubscribe,
    }

    public sealed record Command(string Token, Change What, bool All, IReadOnlyList<string> Themes, IReadOnlyList<string> Regions, string Source, IPAddress? Ip);

    public sealed class Handler(KnowledgeDbContext db, NewsletterLinks links, NewsletterTopics topics, TimeProvider clock)
    {
        /// <summary>The subscriber behind a signed link, or null.</summary>
        public async Task<Subscriber?> FindAsync(string? token, CancellationToken ct)
        {
            if (NewsletterLinks.IdOf(token) is not { } id)
            {
                return null;
            }

            var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Id == id, ct);
            return subscriber is not null && await links.VerifyAsync(token!, subscriber, ct) ? subscriber : null;
        }

        /// <summary>False when the link is not (or no longer) valid.</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken ct)
        {
            var subscriber = await FindAsync(command.Token, ct);
            if (subscriber is null)
            {
                return false;
            }

            var now = NewsletterClock.Now(clock);
            string action;
            switch (command.What)
            {
                case Change.Unsubscribe:
                    subscriber.Status = SubscriberStatus.Unsubscribed;
                    action = "unsubscribed";
                    break;
                case Change.Pause when subscriber.Status == SubscriberStatus.Active:
                    subscriber.Status = SubscriberStatus.Paused;
                    action = "paused";
                    break;
                case Change.Resume when subscriber.Status is SubscriberStatus.Paused or SubscriberStatus.Unsubscribed:
                    subscriber.Status = SubscriberStatus.Active;
                    action = "resumed";
                    break;
                case Change.Preferences:
                    var (keys, unknown) = await topics.ResolveAsync(command.Themes, command.Regions, ct);
                    if (unknown.Count > 0)
                    {
                        throw ValidationFailedException.For("Themes", $"Onbekend thema of regio: {string.Join(", ", unknown)}.");
                    }

                    subscriber.AllTopics = command.All || keys.Count == 0;
                    subscriber.Terms = Subscriber.TermsText(subscriber.AllTopics ? [] : keys);
                    action = "changed";
                    break;
                default:
                    return true;
            }

            subscriber.UpdatedUtc = now;
            Consent.Record(db, subscriber, action, command.Source, command.What == Change.Unsubscribe ? "" : Subscribe.ConsentText, command.Ip, now);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
