using KnowledgePlatform.Web.Mail;

namespace KnowledgePlatform.Web.Newsletter;

public static class NewsletterSetup
{
    public static IHostApplicationBuilder AddNewsletter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<NewsletterSecrets>();
        builder.Services.AddScoped<NewsletterLinks>();
        builder.Services.AddScoped<NewsletterTopics>();
        builder.Services.AddScoped<NewsletterMails>();
        builder.Services.AddScoped<MailBrands>();
        builder.Services.AddScoped<IssueTemplates>();
        builder.Services.AddScoped<IMailContentSource, IssueMailSource>();
        builder.Services.AddScoped<IMailOutcomeObserver, NewsletterOutcomes>();
        builder.Services.AddScoped<SendControl>();
        builder.Services.AddScoped<SendProgress>();
        builder.Services.AddScoped<RelayRecovery>();
        builder.Services.AddScoped<Subscribe.Handler>();
        builder.Services.AddScoped<ConfirmSubscription.Handler>();
        builder.Services.AddScoped<ChangeSubscription.Handler>();
        builder.Services.AddScoped<PrepareSend.Handler>();
        builder.Services.AddOptions<NewsletterAdminOptions>().Bind(builder.Configuration.GetSection(NewsletterAdminOptions.Section))
            .Validate(o => o.TestMailsPerDay >= 1, "The setting Newsletter:TestMailsPerDay must be at least 1.")
            .Validate(o => o.ImportMaxRows is >= 1 and <= 1_000_000, "The setting Newsletter:ImportMaxRows must be between 1 and 1000000.")
            .ValidateOnStart();
        builder.Services.AddScoped<IssueOverview>();
        builder.Services.AddScoped<IssueSuggestions>();
        builder.Services.AddScoped<IssuePreviews>();
        builder.Services.AddScoped<AudienceCount>();
        builder.Services.AddScoped<SendTestIssue.Handler>();
        builder.Services.AddScoped<SubscriberList>();
        builder.Services.AddScoped<ImportSubscribers.Handler>();
        builder.Services.AddScoped<ExportPersonalData>();
        builder.Services.AddScoped<ErasePersonalData.Handler>();
        builder.Services.AddScoped<RecordComplaint>();
        builder.Services.AddHostedService<NewsletterScheduler>();
        return builder;
    }
}
