using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// An administrator invites someone: an account without a password, a role, and an expiring
/// one-time link to set the password, mailed in the same transaction.
/// </summary>
public static class InviteUser
{
    public sealed record Command(string Email, string DisplayName, string Role, string Actor);

    /// <summary>Errors keyed by field; Link is what was mailed (shown to the administrator when mail is not available).</summary>
    public sealed record Result(IReadOnlyDictionary<string, string> Errors, Uri? Link, bool Mailed);

    public sealed class Handler(
        UserManager<AppUser> users, KnowledgeDbContext db, AccountTokens tokens, InvitationMail mail,
        IOptions<SiteOptions> site, IOptions<AccountsOptions> options, TimeProvider clock)
    {
        public Task<Result> HandleAsync(Command command, CancellationToken ct) => db.InTransactionAsync(() => InviteAsync(command, ct), ct);

        private async Task<Result> InviteAsync(Command command, CancellationToken ct)
        {
            var email = command.Email.Trim();
            if (!Roles.All.Contains(command.Role))
            {
                return Failed("Role", "Kies een rol.");
            }

            if (await users.FindByEmailAsync(email) is not null)
            {
                return Failed("Email", $"Er is al een gebruiker met het e-mailadres {email}.");
            }

            var name = string.IsNullOrWhiteSpace(command.DisplayName) ? email : command.DisplayName.Trim();
            var user = new AppUser { UserName = email, Email = email, DisplayName = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return Failed("Email", string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, command.Role);
            var link = CreateAdmin.SetPasswordLink(site.Value, await tokens.IssueAsync(user.Id, options.Value.InvitationLifetime, ct));
            var mailed = mail.Enqueue(user, link, options.Value.InvitationLifetime);
            AuditLog.Record(db, command.Actor, "user.invite", "user", user.Id.ToString(), null, new { email, name, role = command.Role, mailed });
            await db.SaveChangesAsync(ct);
            return new Result(new Dictionary<string, string>(), link, mailed);
        }

        private static Result Failed(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null, false);
    }
}
