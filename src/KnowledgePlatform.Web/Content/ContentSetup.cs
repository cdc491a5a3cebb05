namespace KnowledgePlatform.Web.Content;

public static class ContentSetup
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<SaveDraft.Handler>();
        builder.Services.AddScoped<PublishContent.Handler>();
        builder.Services.AddScoped<UnpublishContent.Handler>();
        builder.Services.AddScoped<DeleteContent.Handler>();
        builder.Services.AddScoped<RestoreVersion.Handler>();
        builder.Services.AddScoped<CompareVersions.Handler>();
        return builder;
    }
}
