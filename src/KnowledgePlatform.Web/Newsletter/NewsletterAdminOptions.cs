namespace KnowledgePlatform.Web.Newsletter;

/// <summary>`Newsletter:*` settings of the editors' screens (the sending settings are Mail's <see cref="Mail.SendingOptions"/>).</summary>
public sealed class NewsletterAdminOptions
{
    public const string Section = "Newsletter";

    /// <summary>Test mails one editor may send per day (each is a full issue to their own address).</summary>
    public int TestMailsPerDay { get; set; } = 20;

    /// <summary>Largest subscriber CSV import, in rows.</summary>
    public int ImportMaxRows { get; set; } = 50_000;

    /// <summary>
    /// The bearer token the mail server sends with complaint reports (POST /api/v1/newsletter/feedback-reports).
    /// Empty (the default): that endpoint is off. Set it from the environment (Newsletter__FeedbackToken), never in the repo.
    /// </summary>
    public string? FeedbackToken { get; set; }
}
