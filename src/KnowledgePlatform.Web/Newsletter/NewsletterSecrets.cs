using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// The link-signing key and the suppression-list salt: random, made once per installation in the
/// database (so every instance agrees), cached per database.
/// </summary>
public sealed class NewsletterSecrets(KnowledgeDbContext db, DatabaseSettings settings)
{
    private static readonly ConcurrentDictionary<(string, string), byte[]> Cache = new();

    public async Task<byte[]> GetAsync(string name, CancellationToken ct)
    {
        if (Cache.TryGetValue((settings.ConnectionString, name), out var cached))
        {
            return cached;
        }

        var candidate = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "NewsletterSecrets" ("Name", "Value") VALUES ({name}, {candidate}) ON CONFLICT ("Name") DO NOTHING""", ct);
        var value = await db.Set<NewsletterSecret>().AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleAsync(ct);
        return Cache.GetOrAdd((settings.ConnectionString, name), Convert.FromBase64String(value));
    }

    /// <summary>The salted hash kept on the suppression list instead of the address.</summary>
    public async Task<string> AddressHashAsync(string normalizedEmail, CancellationToken ct) =>
        Convert.ToHexString(HMACSHA256.HashData(await GetAsync("suppression-salt", ct), Encoding.UTF8.GetBytes(normalizedEmail.ToLowerInvariant())));

    public static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
