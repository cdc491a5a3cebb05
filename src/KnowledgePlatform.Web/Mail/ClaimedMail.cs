namespace KnowledgePlatform.Web.Mail;

/// <summary>A ledger row as claimed by a dispatcher worker.</summary>
public sealed record ClaimedMail(
    long Id,
    string Kind,
    string DedupeKey,
    string ToAddress,
    string? ToName,
    string? Subject,
    string? Html,
    string? Text,
    string? Parts,
    long? GroupId,
    long? RecipientRef,
    int Attempts,
    string? MessageId)
{
    /// <summary>Rows written without content are rendered at send time by an <see cref="IMailContentSource"/>.</summary>
    public bool NeedsRendering => Html is null && Text is null;
}

/// <summary>Renders bulk rows (which carry only a group and recipient) when they are about to be sent.</summary>
public interface IMailContentSource
{
    /// <summary>The ledger Kind this source renders, such as "newsletter.issue".</summary>
    string Kind { get; }

    /// <summary>One entry per row; null means "nothing to send to this recipient any more" (row becomes Skipped).</summary>
    Task<IReadOnlyDictionary<long, OutgoingMail?>> RenderAsync(IReadOnlyList<ClaimedMail> rows, CancellationToken ct);
}

/// <summary>Hears what the dispatcher learnt, e.g. to count bounces or pause a send while the relay is down.</summary>
public interface IMailOutcomeObserver
{
    Task PermanentFailuresAsync(IReadOnlyList<(ClaimedMail Row, string Reply)> failures, CancellationToken ct);

    Task TransportDownAsync(IReadOnlyCollection<long> groupIds, string reason, CancellationToken ct);
}
