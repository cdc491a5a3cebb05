using System.Collections.Concurrent;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>Abuse limits for registering (each sends mail to an address someone typed); settings, so a load test can raise them.</summary>
public sealed class RegistrationLimits
{
    public int PerAddressPerHour { get; set; } = 5;
    public int PerIpPerHour { get; set; } = 20;
}

/// <summary>
/// The one place registrations ask whether a request may go ahead. Per address it counts this
/// module's own rows in the database (multi-node safe); per IP it keeps a window in memory.
/// To be replaced by the Mail module's shared, DB-backed guard once that is on main.
/// </summary>
public sealed class RegistrationGuard(TimeProvider clock, IOptions<RegistrationOptions> options)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> perIp = new(StringComparer.Ordinal);

    public async Task<bool> AllowAsync(KnowledgeDbContext db, string? ip, string email, CancellationToken ct)
    {
        var limits = options.Value.Limits;
        var now = clock.GetUtcNow();
        var since = now.UtcDateTime.AddHours(-1);
        var normalized = email.Trim().ToLowerInvariant();
        if (await db.Registrations().CountAsync(r => r.Email == normalized && r.CreatedUtc > since, ct) >= limits.PerAddressPerHour)
        {
            return false;
        }

        var window = perIp.GetOrAdd(ip ?? "?", _ => new ConcurrentQueue<DateTimeOffset>());
        while (window.TryPeek(out var first) && first < now.AddHours(-1))
        {
            window.TryDequeue(out _);
        }

        if (window.Count >= limits.PerIpPerHour)
        {
            return false;
        }

        window.Enqueue(now);
        return true;
    }
}
