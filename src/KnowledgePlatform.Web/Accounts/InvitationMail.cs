using System.Net;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// The invitation mail, queued in the mail ledger (Mail/MailQueue) in the caller's unit of work,
/// so it is sent exactly when the invitation commits, once.
/// </summary>
public sealed class InvitationMail(KnowledgeDbContext db)
{
    public const string Kind = "account.invitation";

    public static string Subject => "Uitnodiging voor het beheer van de website";

    public static string Text(AppUser user, Uri link, TimeSpan lifetime) => $"""
        Beste {user.DisplayName},

        U bent uitgenodigd om mee te werken aan de website. Kies via deze link een wachtwoord:

        {link}

        De link werkt één keer en is {lifetime.TotalDays:0} dagen geldig. Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.
        """;

    public static string Html(AppUser user, Uri link, TimeSpan lifetime) =>
        $"<p>Beste {WebUtility.HtmlEncode(user.DisplayName)},</p>" +
        "<p>U bent uitgenodigd om mee te werken aan de website. Kies via deze link een wachtwoord:</p>" +
        $"<p><a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\">Wachtwoord kiezen</a></p>" +
        $"<p>De link werkt één keer en is {lifetime.TotalDays:0} dagen geldig. Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.</p>";

    /// <summary>True when the mail was queued (commits with the caller's SaveChanges).</summary>
    public bool Enqueue(AppUser user, Uri link, TimeSpan lifetime)
    {
        // One mail per link: the key is derived from the link (whose secret is never stored unhashed).
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(link.Query)));
        return MailQueue.Enqueue(db, new OutgoingMail(Kind, $"{Kind}:{key}", MailboxAddress.Create(user.Email!, user.DisplayName),
            Subject, Html(user, link, lifetime), Text(user, link, lifetime)));
    }
}
