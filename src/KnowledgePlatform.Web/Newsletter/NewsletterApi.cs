using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>The sign-up request of POST /api/v1/newsletter/subscriptions. <c>website</c> is the honeypot: leave it out.</summary>
public sealed record SubscriptionRequest(string? Email, string? Name, IReadOnlyList<string>? Themes, IReadOnlyList<string>? Regions, string? Website);

/// <summary>The JSON sign-up beside the HTML forms, behind exactly the same checks (<see cref="Subscribe"/>).</summary>
public static class NewsletterApi
{
    public static IEndpointRouteBuilder MapNewsletterApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/newsletter/subscriptions", SubscribeAsync).WithTags("Newsletter").WithName("SubscribeToNewsletter")
            .WithSummary("Aanmelden voor de nieuwsbrief (double opt-in): 202 voor elk geldig adres, bekend of niet.")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        routes.MapPost("/api/v1/newsletter/feedback-reports", NewsletterFeedbackApi.ReceiveAsync).WithTags("Newsletter").WithName("ReceiveFeedbackReport")
            .WithSummary("Een klachtrapport (ARF, RFC 5965) van een mailprovider: wie de nieuwsbrief als spam meldde, krijgt geen mail meer. Alleen met het token uit Newsletter:FeedbackToken.")
            .Accepts<string>("message/rfc822", "text/plain", "multipart/report")
            .Produces<NewsletterFeedbackApi.Received>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        SubscriptionRequest request, Subscribe.Handler handler, HttpContext http, CancellationToken ct)
    {
        try
        {
            var outcome = await handler.HandleAsync(new Subscribe.Command(request.Email, request.Name, All: false,
                request.Themes ?? [], request.Regions ?? [], "api", http.Connection.RemoteIpAddress, !string.IsNullOrEmpty(request.Website)), ct);
            if (outcome == Subscribe.Outcome.Throttled)
            {
                http.Response.Headers.RetryAfter = "3600";
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Te veel aanmeldingen",
                    detail: "Er zijn al veel aanmeldingen gedaan. Probeer het later opnieuw; er is nu geen e-mail verstuurd.");
            }

            return TypedResults.Accepted((string?)null);
        }
        catch (ValidationFailedException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors, title: "De aanmelding is niet compleet.");
        }
    }
}
