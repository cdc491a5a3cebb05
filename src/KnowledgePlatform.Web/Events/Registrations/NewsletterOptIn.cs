namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// The one call site for "ook de nieuwsbrief ontvangen": hands the address to the newsletter's
/// own sign-up use case, which sends its double opt-in mail. Never fails the registration.
/// </summary>
internal static class NewsletterOptIn
{
    public static Task RequestAsync(IServiceProvider services, string email, string? name, ILogger logger, CancellationToken ct)
    {
        // PENDING NEWSLETTER: call the newsletter's sign-up use case here once it is on main.
        _ = (services, name, ct);
        _ = email;
        logger.LogInformation("Newsletter sign-up requested with a registration; the newsletter module is not wired in yet.");
        return Task.CompletedTask;
    }
}
