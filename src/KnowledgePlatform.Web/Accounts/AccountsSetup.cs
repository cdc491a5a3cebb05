using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// Identity for the back-office: accounts in the KnowledgeDbContext, role-based policies, a
/// cookie that only /beheer ever sees, and sessions that end on the server (the security stamp is
/// checked on every request, so logout, a password change or deactivation ends every session).
/// </summary>
public static class AccountsSetup
{
    public const string LoginPath = "/beheer/inloggen";
    public const string CookieName = "kp_beheer";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>().Bind(builder.Configuration.GetSection(AccountsOptions.Section))
            .Validate(o => o.LoginAttemptsPerMinute > 0, "The setting Accounts:LoginAttemptsPerMinute must be positive.")
            .ValidateOnStart();
        builder.Services.AddIdentity<AppUser, IdentityRole<Guid>>(PasswordAndLockout)
            .AddEntityFrameworkStores<KnowledgeDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>();
        builder.Services.ConfigureApplicationCookie(BackOfficeCookie);
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Path = "/beheer";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Zero: every request re-reads the user's stamp and roles, so a session ends the moment
        // the stamp changes and a role change applies at once. One indexed lookup per back-office request.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.BackOffice, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Publish, p => p.RequireRole(Roles.Redacteur, Roles.Beheerder))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Beheerder));
        builder.Services.AddLoginRateLimit();
        builder.Services.AddScoped<AccountTokens>();
        builder.Services.AddScoped<CreateAdmin.Handler>();
        builder.Services.AddScoped<InviteUser.Handler>();
        builder.Services.AddScoped<InvitationMail>();
        builder.Services.AddScoped<ChangeUser.Handler>();
        return builder;
    }

    /// <summary>Rate limit, authentication and authorization: call between UseRouting and the endpoints.</summary>
    public static IApplicationBuilder UseAccounts(this IApplicationBuilder app) =>
        app.UseRateLimiter().UseAuthentication().UseAuthorization();

    private static void PasswordAndLockout(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequiredUniqueChars = 5;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        // Temporary: a guessing attacker is slowed down, the real user is back within minutes.
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        o.User.RequireUniqueEmail = true;
    }

    private static void BackOfficeCookie(CookieAuthenticationOptions o)
    {
        o.LoginPath = LoginPath;
        o.LogoutPath = "/beheer/uitloggen";
        o.AccessDeniedPath = "/beheer/geen-toegang";
        o.ReturnUrlParameter = "returnUrl";
        o.Cookie.Name = CookieName;
        o.Cookie.Path = "/beheer"; // public pages never see it, so they stay cacheable for editors too
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = ctx => ApiStatusOr(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiStatusOr(ctx, StatusCodes.Status403Forbidden);
    }

    // API callers get a status code, not an HTML login page; forbidden pages answer 403 (the Dutch error page).
    private static Task ApiStatusOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (status == StatusCodes.Status403Forbidden || ctx.Request.Path.StartsWithSegments("/beheer/api"))
        {
            ctx.Response.StatusCode = status;
            if (ctx.Request.Path.StartsWithSegments("/beheer/api")
                && ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                // The bare status for JSON callers: re-running a POST as the HTML error page would answer 400 instead.
                pages.Enabled = false;
            }

            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Login and two-factor attempts per client IP address per minute.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long an invitation link stays valid.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(3);
}
