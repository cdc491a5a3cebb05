using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Events.Registrations;

public static class RegistrationsSetup
{
    public static IHostApplicationBuilder AddRegistrations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegistrationOptions>()
            .Bind(builder.Configuration.GetSection(RegistrationOptions.Section))
            .Validate(o => o.OfferHours is >= 1 and <= 24 * 30, "The setting Registrations:OfferHours must be between 1 and 720.")
            .Validate(o => o.ReminderHoursBefore is >= 1 and <= 24 * 14, "The setting Registrations:ReminderHoursBefore must be between 1 and 336.")
            .Validate(o => o.RetentionMonths is >= 1 and <= 120, "The setting Registrations:RetentionMonths must be between 1 and 120.")
            .Validate(o => o.JobIntervalSeconds is >= 1 and <= 3600, "The setting Registrations:JobIntervalSeconds must be between 1 and 3600.")
            .Validate(o => o.Limits.PerAddressPerDay >= 1 && o.Limits.PerIpPerHour >= 1 && o.Limits.OverallPerHour >= 1,
                "The settings Registrations:Limits:PerAddressPerDay, PerIpPerHour and OverallPerHour must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddScoped<RegistrationMails>();
        builder.Services.AddScoped<WaitlistSeats>();
        builder.Services.AddScoped<Register.Handler>();
        builder.Services.AddScoped<PersonalRegistration.Handler>();
        builder.Services.AddScoped<RegistrationJobs>();
        builder.Services.AddScoped<ManageRegistrations.Handler>();
        builder.Services.AddScoped<RegistrationPersonalData>();
        builder.Services.AddScoped<IOutboxHandler, RegistrationContentReactions>();
        builder.Services.AddHostedService<RegistrationJobRunner>();
        return builder;
    }

    public static WebApplication MapRegistrations(this WebApplication app)
    {
        app.MapRegistrationApi();
        return app;
    }
}
