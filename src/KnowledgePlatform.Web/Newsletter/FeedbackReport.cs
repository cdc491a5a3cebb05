using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Reads a mailbox provider's complaint (an Abuse Reporting Format report, RFC 5965): a
/// multipart/report whose message/feedback-report part says what kind of feedback it is, followed by
/// the original message or its headers. We need only two things from it, both plain header lines, so
/// no MIME parser: the feedback type, and the Message-IDs we gave the original mail.
/// </summary>
public static partial class FeedbackReport
{
    /// <summary>The largest report we read; real ones are a few kilobytes (providers often cut the body).</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>"abuse" (marked as spam), "fraud", "virus", "other" or "not-spam"; null when the report has no Feedback-Type.</summary>
    public static string? FeedbackType(string report)
    {
        var match = FeedbackTypeLine().Match(report);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The ledger ids of our own Message-IDs in the report ("{ledger id}.{nonce}@{domain}", see
    /// MailLedgerStore), with the full id so the caller can check it against the ledger: a guessed
    /// number alone matches nothing.
    /// </summary>
    public static IReadOnlyList<(long LedgerId, string MessageId)> OurMessageIds(string report)
    {
        var found = new List<(long, string)>();
        foreach (Match match in MessageIdLine().Matches(report))
        {
            var id = match.Groups[1].Value;
            if (long.TryParse(id.AsSpan(0, id.IndexOf('.', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture, out var ledgerId)
                && !found.Contains((ledgerId, id)))
            {
                found.Add((ledgerId, id));
            }
        }

        return found;
    }

    [GeneratedRegex(@"^Feedback-Type:[ \t]*([A-Za-z-]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex FeedbackTypeLine();

    // The header may be folded onto the next line (RFC 5322 §2.2.3), hence \s* before the "<".
    [GeneratedRegex(@"^Message-ID:\s*<([0-9]+\.[^<>@\s]+@[^<>\s]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex MessageIdLine();
}
