using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// Per client IP: at most Accounts:LoginAttemptsPerMinute sign-in posts a minute. Together with
/// Identity's temporary lockout this keeps one address from guessing passwords, or from locking
/// other people's accounts for long.
/// </summary>
internal static class LoginRateLimit
{
    private static readonly string[] GuardedPaths = ["/beheer/inloggen", "/beheer/tweestaps"];

    public static void AddLoginRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!HttpMethods.IsPost(ctx.Request.Method) || !GuardedPaths.Any(p => ctx.Request.Path.StartsWithSegments(p)))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var limit = ctx.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.LoginAttemptsPerMinute;
                var ip = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("login:" + ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }
}
