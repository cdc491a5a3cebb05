using System.Security.Cryptography;
using System.Text;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// One-time set-password links ("{id}.{secret}"): an invitation or the first administrator's link.
/// A link works once, before it expires, and only while it is the newest link for that user.
/// </summary>
public sealed class AccountTokens(KnowledgeDbContext db, TimeProvider clock)
{
    public const string SetPassword = "set-password";

    /// <summary>Adds a token to the context (the caller saves) and returns the text for the link.</summary>
    public async Task<string> IssueAsync(Guid userId, TimeSpan lifetime, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Older unused links stop working: only the newest invitation counts.
        await db.AccountTokens.Where(t => t.UserId == userId && t.UsedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedUtc, now), ct);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new AccountToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Purpose = SetPassword,
            SecretHash = Hash(secret),
            CreatedUtc = now,
            ExpiresUtc = now + lifetime,
        };
        db.AccountTokens.Add(token);
        return $"{token.Id:N}.{secret}";
    }

    /// <summary>The valid, unused token for this link text, or null.</summary>
    public async Task<AccountToken?> FindValidAsync(string? text, CancellationToken ct)
    {
        var parts = (text ?? "").Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id))
        {
            return null;
        }

        var token = await db.AccountTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var matches = token is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(token.SecretHash), Encoding.ASCII.GetBytes(Hash(parts[1])));
        return matches && token!.UsedUtc is null && token.ExpiresUtc > now ? token : null;
    }

    /// <summary>Marks the token used with an atomic update, so two simultaneous uses cannot both win.</summary>
    public async Task<bool> ConsumeAsync(AccountToken token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedUtc, now), ct) == 1;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
