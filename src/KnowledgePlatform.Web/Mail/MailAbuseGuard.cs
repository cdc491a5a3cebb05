using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Mail;

public enum AbuseVerdict
{
    Allowed,
    Honeypot,
    TooManyForAddress,
    TooManyFromAddress,
    TooManyOverall,
}

/// <summary>`MailLimits:*`: how many mails visitors may cause. Safe defaults; a load test raises them.</summary>
public sealed class MailLimitsOptions
{
    public const string Section = "MailLimits";

    public int PerAddressPerDay { get; set; } = 3;

    public int PerIpPerHour { get; set; } = 10;

    public int OverallPerHour { get; set; } = 500;
}

/// <summary>
/// Decides whether a visitor's request may cause a mail to an address they typed: a honeypot, then
/// fixed-window counters per address (hashed), per IP and overall. Each counter is one atomic
/// upsert that only increments below its limit, so concurrent requests on any number of
/// instances never get past it. Run it in the caller's transaction, before other writes.
/// </summary>
public sealed class MailAbuseGuard(KnowledgeDbContext db, IOptions<MailLimitsOptions> options, TimeProvider clock)
{
    public Task<AbuseVerdict> CheckAsync(string purpose, string normalizedAddress, IPAddress? ip, bool honeypotFilled, CancellationToken ct) =>
        CheckAsync(purpose, normalizedAddress, ip, honeypotFilled, options.Value, ct);

    /// <summary>The same, with limits of the caller's own (a module whose visitors may cause more or fewer mails, e.g. registrations).</summary>
    public async Task<AbuseVerdict> CheckAsync(string purpose, string normalizedAddress, IPAddress? ip, bool honeypotFilled, MailLimitsOptions limits,
        CancellationToken ct)
    {
        if (honeypotFilled)
        {
            return AbuseVerdict.Honeypot;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!await TryCountAsync($"all:{purpose}", now / 3600, limits.OverallPerHour, ct))
        {
            return AbuseVerdict.TooManyOverall;
        }

        if (ip is not null && !await TryCountAsync($"ip:{purpose}:{ip}", now / 3600, limits.PerIpPerHour, ct))
        {
            return AbuseVerdict.TooManyFromAddress;
        }

        var addressHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedAddress.ToLowerInvariant())))[..32];
        return await TryCountAsync($"to:{purpose}:{addressHash}", now / 86400, limits.PerAddressPerDay, ct)
            ? AbuseVerdict.Allowed
            : AbuseVerdict.TooManyForAddress;
    }

    private async Task<bool> TryCountAsync(string scope, long window, int limit, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "MailRateCounters" ("Scope", "Window", "Count") VALUES (@scope, @window, 1)
            ON CONFLICT ("Scope", "Window") DO UPDATE SET "Count" = "MailRateCounters"."Count" + 1
            WHERE "MailRateCounters"."Count" < @limit
            RETURNING "Count"
            """;
        Add(command, "@scope", scope.Length > 150 ? scope[..150] : scope);
        Add(command, "@window", window);
        Add(command, "@limit", limit);
        var result = await command.ExecuteScalarAsync(ct);
        return result is not null && result is not DBNull && Convert.ToInt64(result, CultureInfo.InvariantCulture) <= limit;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
