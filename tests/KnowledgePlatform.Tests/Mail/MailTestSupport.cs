using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Mail.Mime;
using KnowledgePlatform.Web.Mail.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Mail;

/// <summary>The real app on a real database, sending to the given SMTP port with test-friendly timings.</summary>
public sealed class MailPlatformFactory(TestDatabase database, int smtpPort, IReadOnlyDictionary<string, string>? settings = null, bool importDemo = false)
    : PlatformFactory(database, importDemo)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:UseStartTls", "false");
        builder.UseSetting("Smtp:TimeoutSeconds", "10");
        builder.UseSetting("Newsletter:FromAddress", "nieuwsbrief@kennisplatform.test");
        builder.UseSetting("Newsletter:MaxMessagesPerSecond", "5000");
        builder.UseSetting("Newsletter:LeaseSeconds", "3");
        builder.UseSetting("Newsletter:RetryBaseSeconds", "1");
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Test hosts only: X-Test-Remote-Address sets the connection's remote address, so tests can come "from many addresses".</summary>
internal sealed class TestRemoteAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers["X-Test-Remote-Address"], out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public static class TestMails
{
    public static readonly MailboxAddress From = MailboxAddress.Create("afzender@kennisplatform.test", "Kennisplatform");

    public static OutgoingMail Simple(string to, string key, string subject = "Hallo") =>
        new("test.simple", key, MailboxAddress.Create(to), subject, $"<p>{subject}</p>", subject);

    public static SmtpEnvelope Envelope(OutgoingMail mail, string? messageId = null) =>
        new(From.Address, mail.To.Address, MimeMessageWriter.Write(new MimeMessage(From, mail, messageId ?? $"{Guid.NewGuid():N}@kennisplatform.test", DateTimeOffset.UtcNow)));

    public static SmtpOptions Smtp(int port, bool startTls = false) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        UseStartTls = startTls,
        TimeoutSeconds = 10,
    };
}
