using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail.Smtp;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Mail;

public static class MailSetup
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "The setting Smtp:Host must name the SMTP relay.")
            .Validate(o => o.Port is > 0 and < 65536, "The setting Smtp:Port must be a port number (1–65535).")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 600, "The setting Smtp:TimeoutSeconds must be between 1 and 600.")
            .Validate(o => string.IsNullOrEmpty(o.Username) || o.UseStartTls || IsLoopback(o.Host),
                "The setting Smtp:Username needs Smtp:UseStartTls=true: credentials are never sent unencrypted to another host.")
            .Validate(o => string.IsNullOrEmpty(o.TrustedCertificate) || RelayCertificate.TryLoad(o.TrustedCertificate, out _),
                "The setting Smtp:TrustedCertificate must be the path of a readable PEM file with at least one certificate.")
            .ValidateOnStart();
        builder.Services.AddOptions<SendingOptions>()
            .Bind(builder.Configuration.GetSection(SendingOptions.Section))
            .Validate(o => MailboxAddress.TryCreate(o.FromAddress, o.FromName, out _), "The setting Newsletter:FromAddress must be an e-mail address.")
            .Validate(o => o.MaxMessagesPerSecond is > 0 and <= 1_000_000, "The setting Newsletter:MaxMessagesPerSecond must be between 1 and 1000000.")
            .Validate(o => o.Connections is > 0 and <= 64, "The setting Newsletter:Connections must be between 1 and 64.")
            .Validate(o => o.BatchSize is > 0 and <= 1000, "The setting Newsletter:BatchSize must be between 1 and 1000.")
            .Validate(o => o.InFlightChunk > 0 && o.InFlightChunk <= o.BatchSize, "The setting Newsletter:InFlightChunk must be between 1 and Newsletter:BatchSize.")
            .Validate(o => o.LeaseSeconds is > 0 and <= 3600, "The setting Newsletter:LeaseSeconds must be between 1 and 3600.")
            .Validate(o => o.MaxAttempts is > 0 and <= 50, "The setting Newsletter:MaxAttempts must be between 1 and 50.")
            .Validate(o => o.RetryBaseSeconds is >= 0 and <= 86_400, "The setting Newsletter:RetryBaseSeconds must be between 0 and 86400.")
            .ValidateOnStart();
        builder.Services.AddOptions<MailLimitsOptions>()
            .Bind(builder.Configuration.GetSection(MailLimitsOptions.Section))
            .Validate(o => o.PerAddressPerDay > 0 && o.PerIpPerHour > 0 && o.OverallPerHour > 0, "The settings MailLimits:* must be positive numbers.")
            .ValidateOnStart();
        builder.Services.AddScoped<MailAbuseGuard>();
        builder.Services.AddSingleton<MailLedgerStore>();
        builder.Services.AddSingleton<IMailTransport, SmtpTransport>();
        builder.Services.AddSingleton<MailThrottle>();
        builder.Services.AddSingleton<MailTransportStatus>();
        builder.Services.AddSingleton<MailDispatchStats>();
        builder.Services.ConfigureDbContext<KnowledgeDbContext>((sp, options) =>
            options.AddInterceptors(new MailDispatchStats.Interceptor(sp.GetRequiredService<MailDispatchStats>())));
        builder.Services.AddHostedService<MailDispatcher>();
        return builder;
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
