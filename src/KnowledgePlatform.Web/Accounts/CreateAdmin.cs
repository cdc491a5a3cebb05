using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// The first administrator (`users create-admin --email …`): with a password from standard input,
/// or without one and a one-time link to set it. There is no default password anywhere.
/// </summary>
public static class CreateAdmin
{
    public sealed record Command(string Email, string? Password);

    /// <summary>Either the link to set a password, or null when a password was given; Errors when refused.</summary>
    public sealed record Result(IReadOnlyList<string> Errors, Uri? SetPasswordLink);

    public sealed class Handler(
        UserManager<AppUser> users, KnowledgeDbContext db, AccountTokens tokens, IOptions<SiteOptions> site,
        IOptions<AccountsOptions> options, TimeProvider clock)
    {
        public Task<Result> HandleAsync(Command command, CancellationToken ct) =>
            db.InTransactionAsync(() => CreateAsync(command, ct), ct);

        private async Task<Result> CreateAsync(Command command, CancellationToken ct)
        {
            var email = command.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                return new([$"Er is al een gebruiker met het e-mailadres {email}."], null);
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            var created = command.Password is { } password ? await users.CreateAsync(user, password) : await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new([.. created.Errors.Select(e => e.Description)], null);
            }

            var role = await users.AddToRoleAsync(user, Roles.Beheerder);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));
            }

            Uri? link = null;
            if (command.Password is null)
            {
                var token = await tokens.IssueAsync(user.Id, options.Value.InvitationLifetime, ct);
                link = SetPasswordLink(site.Value, token);
            }

            AuditLog.Record(db, AuditLog.System, "user.create-admin", "user", user.Id.ToString(), null, new { email, roles = new[] { Roles.Beheerder } });
            await db.SaveChangesAsync(ct);
            return new([], link);
        }
    }

    public static Uri SetPasswordLink(SiteOptions site, string token) =>
        new(site.BaseUri, "beheer/wachtwoord-instellen?token=" + Uri.EscapeDataString(token));
}
