using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// A CSV of people who gave consent elsewhere (a paper list, an earlier system), with the editor's
/// statement of where and how. All or nothing: every row is checked first, and one invalid row
/// (reported by line, in Dutch) means nothing is imported; otherwise one transaction adds them all
/// as active, each with an "imported" consent record. Addresses that withdrew (unsubscribed,
/// bounced) or were erased on request (the suppression list) are never re-added by an import;
/// those already receiving the newsletter keep their own choices.
/// </summary>
public static class ImportSubscribers
{
    public sealed record Command(string Csv, string? ConsentSource, string Editor);

    public sealed record Line(int Number, string Message);

    /// <param name="Errors">Non-empty: nothing was imported.</param>
    /// <param name="Skipped">Valid rows deliberately left out, with the reason.</param>
    public sealed record Result(IReadOnlyList<Line> Errors, int Added, int Activated, int AlreadySubscribed, IReadOnlyList<Line> Skipped)
    {
        public bool Imported => Errors.Count == 0;
    }

    public sealed class Handler(KnowledgeDbContext db, NewsletterTopics topics, NewsletterSecrets secrets, TimeProvider clock,
        IOptions<NewsletterAdminOptions> options)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken ct)
        {
            var source = command.ConsentSource?.Trim() ?? "";
            if (source.Length is < 5 or > 500)
            {
                throw ValidationFailedException.For("ConsentSource",
                    "Vul in waar en hoe deze mensen toestemming gaven (5 tot 500 tekens), bijvoorbeeld: ‘aanmeldlijst congres 12 maart 2026, met toestemmingstekst’.");
            }

            var parsed = SubscriberCsvRows.Parse(command.Csv, await topics.AllAsync(ct), options.Value.ImportMaxRows);
            if (parsed.Errors.Count > 0)
            {
                return new Result(parsed.Errors, 0, 0, 0, []);
            }

            return await db.InTransactionAsync(() => ImportAsync(parsed, source, command.Editor, ct), ct);
        }

        private async Task<Result> ImportAsync(SubscriberCsvRows.Parsed parsed, string source, string editor, CancellationToken ct)
        {
            var now = NewsletterClock.Now(clock);
            var existing = (await db.Set<Subscriber>().AsNoTracking().Where(s => s.Status != SubscriberStatus.Erased)
                    .Select(s => new { s.Id, s.Email, s.Status }).ToListAsync(ct))
                .GroupBy(s => s.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Status));
            var suppressed = await SuppressedAsync(parsed.Rows, ct);
            var skipped = new List<Line>(parsed.Duplicates);
            var added = new List<Subscriber>();
            var pending = new Dictionary<long, SubscriberCsvRows.Row>();
            var already = 0;
            foreach (var row in parsed.Rows)
            {
                var known = existing.TryGetValue(row.Email.ToLowerInvariant(), out var k) ? k : ((long Id, SubscriberStatus Status)?)null;
                if (suppressed.Contains(row.Email))
                {
                    skipped.Add(new(row.Line, "overgeslagen: dit adres is op verzoek gewist en wordt niet opnieuw toegevoegd."));
                }
                else if (known?.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Bounced)
                {
                    skipped.Add(new(row.Line, known.Value.Status == SubscriberStatus.Unsubscribed
                        ? "overgeslagen: dit adres heeft zich afgemeld; alleen de persoon zelf kan zich opnieuw aanmelden."
                        : "overgeslagen: de mailserver van dit adres weigert onze berichten."));
                }
                else if (known?.Status is SubscriberStatus.Active or SubscriberStatus.Paused)
                {
                    already++;
                }
                else if (known is { } signedUp)
                {
                    pending[signedUp.Id] = row; // signed up but never confirmed: the import's consent completes it
                }
                else
                {
                    var subscriber = new Subscriber { Email = row.Email, Source = Trim($"import: {source}", 100), CreatedUtc = now };
                    Apply(subscriber, row, now);
                    added.Add(db.Set<Subscriber>().Add(subscriber).Entity);
                }
            }

            foreach (var chunk in pending.Keys.Chunk(500))
            {
                foreach (var subscriber in await db.Set<Subscriber>().Where(s => chunk.Contains(s.Id)).ToListAsync(ct))
                {
                    Apply(subscriber, pending[subscriber.Id], now);
                    added.Add(subscriber);
                }
            }

            await db.SaveChangesAsync(ct); // new subscribers get their ids
            added.ForEach(a => Consent.Record(db, a, "imported", "import", source, null, now));
            var result = new Result([], added.Count - pending.Count, pending.Count, already, [.. skipped.OrderBy(l => l.Number)]);
            AuditLog.Record(db, editor, "subscribers.import", "subscribers", null, null, new
            {
                consentSource = source, added = result.Added, activated = result.Activated, alreadySubscribed = already, skipped = skipped.Count,
            });
            await db.SaveChangesAsync(ct);
            return result;
        }

        /// <summary>The rows' addresses that are on the suppression list (as salted hashes).</summary>
        private async Task<HashSet<string>> SuppressedAsync(IReadOnlyList<SubscriberCsvRows.Row> rows, CancellationToken ct)
        {
            var byHash = new Dictionary<string, string>();
            foreach (var row in rows)
            {
                byHash[await secrets.AddressHashAsync(row.Email, ct)] = row.Email;
            }

            var found = new HashSet<string>();
            foreach (var chunk in byHash.Keys.Chunk(500))
            {
                found.UnionWith((await db.Set<SuppressedAddress>().AsNoTracking().Where(s => chunk.Contains(s.Hash)).Select(s => s.Hash).ToListAsync(ct))
                    .Select(h => byHash[h]));
            }

            return found;
        }

        private static void Apply(Subscriber subscriber, SubscriberCsvRows.Row row, DateTime now)
        {
            subscriber.Name = row.Name ?? subscriber.Name;
            subscriber.Status = SubscriberStatus.Active;
            subscriber.AllTopics = row.Topics.Count == 0;
            subscriber.Terms = Subscriber.TermsText(row.Topics);
            subscriber.ConfirmedUtc = now;
            subscriber.UpdatedUtc = now;
            subscriber.ConfirmationTokenHash = null;
            subscriber.ConfirmationExpiresUtc = null;
        }

        private static string Trim(string text, int max) => text.Length > max ? text[..max] : text;
    }
}
