using Microsoft.AspNetCore.Identity;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>Identity's messages in Dutch, shown beside the password and e-mail fields.</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Het wachtwoord moet minstens {length} tekens lang zijn.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Het wachtwoord moet een cijfer bevatten.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Het wachtwoord moet een kleine letter bevatten.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Het wachtwoord moet een hoofdletter bevatten.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet een leesteken bevatten.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Het huidige wachtwoord klopt niet.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Er is al een gebruiker met het e-mailadres {email}.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Er is al een gebruiker met het e-mailadres {userName}.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"'{email}' is geen geldig e-mailadres.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"'{userName}' is geen geldig e-mailadres.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Deze link of code is ongeldig of verlopen.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Iemand anders heeft deze gebruiker intussen gewijzigd. Laad de pagina opnieuw.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"De gebruiker heeft de rol {role} al.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"De gebruiker heeft de rol {role} niet.");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Er ging iets mis. Probeer het opnieuw.");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>Refuses passwords that are well-known or contain the user's own e-mail name.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    // The patterns that dominate leaked-password lists once length and character classes are required.
    private static readonly string[] Common = ["password", "wachtwoord", "welkom", "qwerty", "azerty", "123456", "abcdef", "letmein", "admin", "zomer", "winter"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var lower = (password ?? "").ToLowerInvariant();
        var local = (user.Email ?? "").Split('@')[0].ToLowerInvariant();
        var weak = Common.Any(lower.Contains) || (local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Dit wachtwoord is te voorspelbaar (een bekend woord, een reeks of uw e-mailnaam). Kies een langere zin of willekeurige woorden." })
            : IdentityResult.Success);
    }
}
