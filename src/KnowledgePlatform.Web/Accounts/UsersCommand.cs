using Microsoft.Extensions.Configuration;

namespace KnowledgePlatform.Web.Accounts;

/// <summary>`users create-admin --email a@b.nl`: the password comes from standard input when it is redirected.</summary>
public static class UsersCommand
{
    public static async Task<int> CreateAdminAsync(IServiceProvider services, TextReader input, bool inputRedirected, TextWriter output, TextWriter error)
    {
        var email = services.GetRequiredService<IConfiguration>()["email"];
        if (string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync("Geef een e-mailadres op: users create-admin --email naam@example.nl");
            return 2;
        }

        // Never from the command line (it would end up in shell history and process lists).
        var password = inputRedirected ? (await input.ReadLineAsync())?.TrimEnd('\r', '\n') : null;
        var result = await services.GetRequiredService<CreateAdmin.Handler>()
            .HandleAsync(new(email, string.IsNullOrEmpty(password) ? null : password), CancellationToken.None);
        if (result.Errors.Count > 0)
        {
            foreach (var message in result.Errors)
            {
                await error.WriteLineAsync(message);
            }

            return 1;
        }

        await output.WriteLineAsync(result.SetPasswordLink is { } link
            ? $"Beheerder {email} aangemaakt. Stel het wachtwoord in via deze eenmalige link (geldig tot hij gebruikt is of verloopt):\n{link}"
            : $"Beheerder {email} aangemaakt met het opgegeven wachtwoord.");
        return 0;
    }
}
