using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Everything stored about one address (GDPR, right of access), as JSON: the subscriber row and
/// preferences, the consent ledger, every mail-ledger row addressed to them (newsletters by
/// subscriber, single mails by address) and their event registrations (from the registrations
/// module's <see cref="RegistrationPersonalData"/>). For the back-office and the preference centre.
/// </summary>
public sealed class ExportPersonalData(KnowledgeDbContext db, NewsletterTopics topics, RegistrationPersonalData registrations, TimeProvider clock)
{
    public sealed record File(DateTime ExportedUtc, string Email, SubscriberData? Subscriber, IReadOnlyList<ConsentData> Consent,
        IReadOnlyList<MailData> Mails, IReadOnlyList<RegistrationExport> Registrations);

    public sealed record SubscriberData(long Id, string Email, string? Name, string Status, bool AllTopics, IReadOnlyList<string> Themes,
        IReadOnlyList<string> Regions, string Source, DateTime CreatedUtc, DateTime? ConfirmedUtc, DateTime UpdatedUtc, int BounceCount, string? LastBounce);

    public sealed record ConsentData(DateTime AtUtc, string Action, string Source, string Text, string? Ip, string? Preferences);

    public sealed record MailData(string Kind, string? Subject, string State, DateTime CreatedUtc, DateTime? FinishedUtc, string? MessageId, string? LastReply);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<File> ForAddressAsync(string email, CancellationToken ct)
    {
        var address = MailboxAddress.Normalize(email) ?? email.Trim();
        var lower = address.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): case-insensitive on both providers
        var subscriber = await db.Set<Subscriber>().AsNoTracking().Where(s => s.Email.ToLower() == lower).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        var recipient = subscriber?.Id;
        var mails = await db.Set<MailLedgerEntry>().AsNoTracking()
            .Where(m => m.ToAddress.ToLower() == lower || (recipient != null && m.RecipientRef == recipient && m.Kind == PrepareSend.Kind))
            .OrderBy(m => m.Id).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        var consent = subscriber is null ? [] : await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.SubscriberId == subscriber.Id)
            .OrderBy(c => c.Id).Select(c => new ConsentData(c.AtUtc, c.Action, c.Source, c.Text, c.Ip, c.Preferences)).ToListAsync(ct);
        var mailData = new List<MailData>(mails.Count);
        foreach (var m in mails)
        {
            mailData.Add(new MailData(m.Kind, m.Subject ?? await IssueTitleAsync(m.GroupId, ct), m.State.ToString(), m.CreatedUtc, m.FinishedUtc, m.MessageId, m.LastReply));
        }

        return new File(clock.GetUtcNow().UtcDateTime, address, subscriber is null ? null : await DataAsync(subscriber, ct), consent, mailData,
            await registrations.ExportAsync(address, ct));
    }

    public static byte[] ToJson(File file) => JsonSerializer.SerializeToUtf8Bytes(file, Json);

    private async Task<SubscriberData> DataAsync(Subscriber s, CancellationToken ct)
    {
        var all = await topics.AllAsync(ct);
        var chosen = s.TermKeys();
        string[] Names(string vocabulary) => [.. all.Where(t => t.Vocabulary == vocabulary && chosen.Contains(t.Key)).Select(t => t.Name)];
        return new SubscriberData(s.Id, s.Email, s.Name, s.Status.ToString(), s.AllTopics, Names(Vocabulary.ThemeAlias), Names(Vocabulary.RegionAlias),
            s.Source, s.CreatedUtc, s.ConfirmedUtc, s.UpdatedUtc, s.BounceCount, s.LastBounce);
    }

    private readonly Dictionary<long, string?> issueTitles = [];

    /// <summary>Newsletter rows carry no subject (they are rendered at send time): name the issue instead.</summary>
    private async Task<string?> IssueTitleAsync(long? sendId, CancellationToken ct)
    {
        if (sendId is not { } id)
        {
            return null;
        }

        if (!issueTitles.TryGetValue(id, out var title))
        {
            title = await (from s in db.Set<NewsletterSend>().AsNoTracking()
                           join v in db.ContentVersions.AsNoTracking() on new { K = s.IssueKey, N = s.IssueVersion } equals new { K = v.ContentKey, N = v.Number }
                           where s.Id == id
                           select v.Title).FirstOrDefaultAsync(ct);
            issueTitles[id] = title;
        }

        return title;
    }
}
