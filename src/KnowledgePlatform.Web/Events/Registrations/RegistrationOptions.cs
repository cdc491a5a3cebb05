using KnowledgePlatform.Web.Mail;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>Settings under <c>Registrations:</c>; checked at start-up.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registrations";

    /// <summary>How long a waitlisted person has to claim a freed seat.</summary>
    public int OfferHours { get; set; } = 48;

    /// <summary>How long before the start the reminder goes out (default: the day before).</summary>
    public int ReminderHoursBefore { get; set; } = 24;

    /// <summary>Months after the event after which registrations are anonymised.</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>How often the background job looks for expired offers, due reminders and old data.</summary>
    public int JobIntervalSeconds { get; set; } = 60;

    public RegistrationLimits Limits { get; set; } = new();
}

/// <summary>
/// Abuse limits for registering (each one mails an address someone typed), counted by the Mail
/// module's DB-backed <see cref="MailAbuseGuard"/> under their own purpose: registrations have
/// their own numbers (someone may register for several events a day), and a load test raises them.
/// </summary>
public sealed class RegistrationLimits
{
    public int PerAddressPerDay { get; set; } = 10;
    public int PerIpPerHour { get; set; } = 20;
    public int OverallPerHour { get; set; } = 2000;

    public MailLimitsOptions ForGuard() => new() { PerAddressPerDay = PerAddressPerDay, PerIpPerHour = PerIpPerHour, OverallPerHour = OverallPerHour };
}
