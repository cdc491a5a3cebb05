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
