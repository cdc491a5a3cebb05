using System.Net;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Newsletter;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// The one call site for "ook de nieuwsbrief ontvangen": hands the address to the newsletter's
/// own sign-up use case, which applies its abuse limits and sends its double opt-in mail — a
/// registration never subscribes anyone by itself. Never fails the registration.
/// </summary>
internal static class NewsletterOptIn
{
    public const string Source = "aanmelding voor bijeenkomst";

    public static async Task RequestAsync(IServiceProvider services, string email, string? name, IPAddress? ip, ILogger logger, CancellationToken ct)
    {
        try
        {
            // Its own scope: the sign-up runs its own transaction, apart from the registration's.
            await using var scope = services.CreateAsyncScope();
            var subscribe = scope.ServiceProvider.GetRequiredService<Subscribe.Handler>();
            var outcome = await subscribe.HandleAsync(
                new Subscribe.Command(email, name, All: true, [], [], Source, ip, HoneypotFilled: false), ct);
            logger.LogInformation("Newsletter sign-up with a registration: {Outcome}", outcome);
        }
        catch (Exception ex) when (ex is ValidationFailedException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Newsletter sign-up with a registration was not accepted");
        }
    }
}
