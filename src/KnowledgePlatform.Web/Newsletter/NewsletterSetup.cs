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
        builder.Services.AddHostedService<NewsletterScheduler>();
        return builder;
    }
}
