using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgePlatform.Web.Site;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Signed links in every mail: "{id}.{HMAC}" opens the preference centre and the one-click
/// unsubscribe without a login. The signature covers the id and the subscription's creation time,
/// so a link dies with an erased (or re-created) subscription.
/// </summary>
public sealed class NewsletterLinks(NewsletterSecrets secrets, IOptions<SiteOptions> site, IOptions<Mail.SendingOptions> sending)
{
    public async Task<string> TokenAsync(Subscriber subscriber, CancellationToken ct)
    {
        var id = subscriber.Id.ToString(CultureInfo.InvariantCulture);
        return id + "." + await SignatureAsync(id, subscriber.CreatedUtc, ct);
    }

    /// <summary>The subscriber id when the token's signature is right; callers then check <paramref name="createdUtc"/>.</summary>
    public static long? IdOf(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public async Task<bool> VerifyAsync(string token, Subscriber subscriber, CancellationToken ct)
    {
        var expected = Encoding.ASCII.GetBytes(await TokenAsync(subscriber, ct));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), expected);
    }

    public string PreferencesUrl(string token) => Absolute($"nieuwsbrief/voorkeuren/{token}");

    public string UnsubscribeUrl(string token) => Absolute($"nieuwsbrief/afmelden/{token}");

    public string ConfirmUrl(string confirmationToken) => Absolute($"nieuwsbrief/bevestigen/{confirmationToken}");

    public string MailtoUnsubscribe(string token) => $"mailto:{sending.Value.FromAddress}?subject=afmelden%20{token}";

    public string Absolute(string path) => new Uri(site.Value.BaseUri, path).ToString();

    private async Task<string> SignatureAsync(string id, DateTime createdUtc, CancellationToken ct)
    {
        var key = await secrets.GetAsync("link-key", ct);
        var data = Encoding.UTF8.GetBytes($"newsletter:{id}:{createdUtc.Ticks}");
        return NewsletterSecrets.Base64Url(HMACSHA256.HashData(key, data)[..18]);
    }
}
