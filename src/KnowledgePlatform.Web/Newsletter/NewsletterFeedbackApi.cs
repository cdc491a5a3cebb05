using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// POST /api/v1/newsletter/feedback-reports: where a mailbox provider's complaint reports end up.
/// Providers mail them (Microsoft JMRP, Yahoo CFL, …) to an address of ours; the mail server pipes
/// each one here, e.g. a Postfix alias <c>"|curl -sf -H 'Authorization: Bearer …' --data-binary @- https://…/api/v1/newsletter/feedback-reports"</c>.
/// Off (404) until <c>Newsletter:FeedbackToken</c> is set; the token comes from the environment, never the repo.
/// </summary>
public static class NewsletterFeedbackApi
{
    public sealed record Received(int Stopped);

    public static async Task<Results<Ok<Received>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<NewsletterAdminOptions> options, RecordComplaint complaints, CancellationToken ct)
    {
        var token = options.Value.FeedbackToken;
        if (string.IsNullOrEmpty(token))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden",
                detail: "Klachtrapporten worden hier niet ontvangen (Newsletter:FeedbackToken is niet ingesteld).");
        }

        if (!Authorized(request, token))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Niet geautoriseerd",
                detail: "Stuur het token uit Newsletter:FeedbackToken mee als 'Authorization: Bearer …'.");
        }

        var report = await ReadAsync(request, ct);
        if (report is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Te groot",
                detail: $"Een klachtrapport mag hoogstens {FeedbackReport.MaxLength / 1000} kB zijn.");
        }

        if (FeedbackReport.FeedbackType(report) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = ["Dit is geen klachtrapport (ARF, RFC 5965): de regel 'Feedback-Type:' ontbreekt."],
            }, title: "Geen klachtrapport.");
        }

        return TypedResults.Ok(new Received(await complaints.FromReportAsync(report, ct)));
    }

    private static bool Authorized(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>The body as text, or null when it is longer than a report can be (read no further than that).</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        // Latin-1 keeps every byte as one char: the header lines we look for are ASCII whatever the report's charset.
        using var reader = new StreamReader(request.Body, Encoding.Latin1);
        var buffer = new char[FeedbackReport.MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }

        return length > FeedbackReport.MaxLength ? null : new string(buffer, 0, length);
    }
}
