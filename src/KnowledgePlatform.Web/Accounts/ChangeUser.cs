using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>
/// An administrator changes a user's name, role or active state. Deactivating ends the user's
/// sessions at once (new security stamp) and blocks sign-in; the last active Beheerder cannot be
/// demoted or deactivated, so the site never loses its administrators.
/// </summary>
public static class ChangeUser
{
    public sealed record Command(Guid UserId, string DisplayName, string Role, bool Active, string Actor);

    public sealed class Handler(UserManager<AppUser> users, KnowledgeDbContext db, TimeProvider clock)
    {
        /// <summary>Null when done, else a Dutch message.</summary>
        public Task<string?> HandleAsync(Command command, CancellationToken ct) => db.InTransactionAsync(() => ChangeAsync(command, ct), ct);

        private async Task<string?> ChangeAsync(Command command, CancellationToken ct)
        {
            if (!Roles.All.Contains(command.Role))
            {
                return "Kies een rol.";
            }

            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null)
            {
                return "Deze gebruiker bestaat niet (meer).";
            }

            var roles = await users.GetRolesAsync(user);
            var before = new { name = user.DisplayName, roles = roles.Order().ToArray(), active = user.DeactivatedUtc is null };
            var losesAdmin = roles.Contains(Roles.Beheerder) && before.active && (command.Role != Roles.Beheerder || !command.Active);
            if (losesAdmin && await ActiveAdministratorsAsync(ct) <= 1)
            {
                return "Dit is de laatste actieve beheerder. Maak eerst iemand anders beheerder.";
            }

            user.DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? user.DisplayName : command.DisplayName.Trim();
            if (before.active != command.Active)
            {
                user.DeactivatedUtc = command.Active ? null : clock.GetUtcNow().UtcDateTime;
                user.LockoutEnd = command.Active ? null : DateTimeOffset.MaxValue;
                await users.UpdateSecurityStampAsync(user); // ends every session of this user now
            }

            Check(await users.UpdateAsync(user));
            if (!roles.SequenceEqual([command.Role]))
            {
                Check(await users.RemoveFromRolesAsync(user, roles));
                Check(await users.AddToRoleAsync(user, command.Role));
            }

            var after = new { name = user.DisplayName, roles = new[] { command.Role }, active = command.Active };
            var action = before.active != command.Active ? (command.Active ? "user.reactivate" : "user.deactivate") : "user.change";
            AuditLog.Record(db, command.Actor, action, "user", user.Id.ToString(), before, after);
            await db.SaveChangesAsync(ct);
            return null;
        }

        private Task<int> ActiveAdministratorsAsync(CancellationToken ct) =>
            (from ur in db.UserRoles
             join r in db.Roles on ur.RoleId equals r.Id
             join u in db.Users on ur.UserId equals u.Id
             where r.Name == Roles.Beheerder && u.DeactivatedUtc == null
             select u.Id).CountAsync(ct);

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
