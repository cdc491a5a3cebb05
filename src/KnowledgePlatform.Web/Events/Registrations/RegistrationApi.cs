using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>The body of POST /api/v1/events/{slug}/registrations. <c>website</c> is the honeypot, as on the form: leave it out.</summary>
public sealed record RegistrationRequest(string? Name, string? Email, RegistrationAnswers? Answers, string? Website = null);

/// <summary>The answer: <c>status</c> is "confirmed" or "waitlisted"; <c>position</c> is the waitlist place.</summary>
public sealed record RegistrationResponse(string Status, int? Position);

/// <summary>Registering through the API: the same use case, validation and abuse limits as the form.</summary>
public static class RegistrationApi
{
    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/events/{slug}/registrations", RegisterAsync).WithTags("Registrations").WithName("Register")
            .WithSummary("Aanmelden voor een bijeenkomst; bij een volle bijeenkomst op de wachtlijst.")
            .WithDescription("Een bevestiging met agenda-uitnodiging en persoonlijke link gaat per e-mail naar het opgegeven adres. 409 als aanmelden gesloten is, 429 bij te veel pogingen.")
            .Produces<RegistrationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    private static async Task<IResult> RegisterAsync(string slug, RegistrationRequest? request, HttpContext http, Register.Handler handler, CancellationToken ct)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Stuur een JSON-object met name en email."] },
                title: "De aanmelding is niet geldig.");
        }

        try
        {
            var result = await handler.HandleAsync(
                new Register.Command(slug, request.Name, request.Email, request.Answers, http.Connection.RemoteIpAddress, !string.IsNullOrEmpty(request.Website)), ct);
            if (result is null)
            {
                return TypedResults.Problem(title: "Deze bijeenkomst bestaat niet.", statusCode: StatusCodes.Status404NotFound);
            }

            var status = result.Status is RegistrationStatus.Waitlisted or RegistrationStatus.Offered ? "waitlisted" : "confirmed";
            return TypedResults.Created((string?)null, new RegistrationResponse(status, result.Position));
        }
        catch (ValidationFailedException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors, title: "De aanmelding is niet geldig.");
        }
        catch (RegistrationClosedException ex)
        {
            return TypedResults.Problem(title: "Aanmelden is gesloten.", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (RegistrationLimitException ex)
        {
            return TypedResults.Problem(title: "Te veel aanmeldingen.", detail: ex.Message, statusCode: StatusCodes.Status429TooManyRequests);
        }
    }
}
