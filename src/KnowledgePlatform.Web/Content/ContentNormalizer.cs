namespace KnowledgePlatform.Web.Content;

/// <summary>
/// Puts a body into its stored form: rich text sanitized, plain text trimmed. Applied on every
/// save and to every imported file, so stored content is safe and sync compares like with like.
/// </summary>
public static class ContentNormalizer
{
    public static ContentBody Normalize(ContentBody body)
    {
        ContentBody result = body switch
        {
            WorkshopContent w => NormalizeEvent(w) with { Materials = Rich(w.Materials, nameof(w.Materials)) },
            EventContent e => NormalizeEvent(e),
            MeetingReportContent r => r with
            {
                Body = Rich(r.Body, nameof(r.Body)), Outcomes = [.. r.Outcomes.Select(o => o.Trim()).Where(o => o.Length > 0)], Attachments = Attachments(r.Attachments),
            },
            DossierArticleContent a => a with { Lead = Plain(a.Lead), Body = Rich(a.Body, nameof(a.Body)) },
            DossierContent d => d with { Intro = Rich(d.Intro, nameof(d.Intro)) },
            NewsletterIssueContent n => n with { Preheader = Plain(n.Preheader), Intro = Rich(n.Intro, nameof(n.Intro)) },
            _ => body,
        };
        return result with { Title = body.Title?.Trim() ?? "", Slug = body.Slug?.Trim() ?? "", Summary = Plain(body.Summary) };
    }

    private static T NormalizeEvent<T>(T e)
        where T : EventContent =>
        e with
        {
            Body = Rich(e.Body, nameof(e.Body)),
            Audience = Plain(e.Audience),
            Price = Plain(e.Price),
            OnlineUrl = Plain(e.OnlineUrl),
            Registration = e.Registration.Questions is { } q
                ? e.Registration with { Questions = q with { FreeQuestion = Plain(q.FreeQuestion) } }
                : e.Registration,
            Programme = [.. e.Programme.Select(p => p with { Title = p.Title?.Trim() ?? "", Description = Rich(p.Description, nameof(e.Programme)) })],
            Attachments = Attachments(e.Attachments),
        };

    // None is stored as null, so bodies without attachments serialize exactly as before they existed.
    private static IReadOnlyList<Attachment>? Attachments(IReadOnlyList<Attachment>? attachments) =>
        attachments is null or { Count: 0 } ? null : [.. attachments.Select(a => a with { Title = a.Title?.Trim() ?? "" })];

    private static string? Plain(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Rich(string? html, string field)
    {
        string clean;
        try
        {
            clean = RichText.Sanitize(html);
        }
        catch (ArgumentException)
        {
            // The sanitizer's limits (size, parse time, element count) protect the server.
            throw ValidationFailedException.For(field, "Deze tekst is te groot of te ingewikkeld opgemaakt om veilig op te slaan. Maak hem korter of eenvoudiger.");
        }

        return clean.Length == 0 ? null : clean;
    }
}
