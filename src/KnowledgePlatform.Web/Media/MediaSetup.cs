using KnowledgePlatform.Web.Media.Imaging;

namespace KnowledgePlatform.Web.Media;

public static class MediaSetup
{
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>()
            .Bind(builder.Configuration.GetSection(MediaOptions.Section))
            .Validate(o => o.MaxFileSizeMb is > 0 and <= 1024, "The setting Media:MaxFileSizeMb must be between 1 and 1024.")
            .Validate(o => o.MaxImageSizeMb > 0 && o.MaxImageSizeMb <= o.MaxFileSizeMb,
                "The setting Media:MaxImageSizeMb must be at least 1 and at most Media:MaxFileSizeMb.")
            .Validate(o => o.MaxImagePixels > 0 && o.MaxImageSide > 0, "The settings Media:MaxImagePixels and Media:MaxImageSide must be positive.")
            .Validate(o => o.MaxParallelRenders is > 0 and <= 64 && o.ImageThreads is >= 0 and <= 64,
                "The settings Media:MaxParallelRenders (1–64) and Media:ImageThreads (0–64) are out of range.")
            .Validate(o => o.OrphanSweepInterval > TimeSpan.Zero && o.OrphanSweepInterval <= TimeSpan.FromDays(7),
                "The setting Media:OrphanSweepInterval must be a positive time span of at most 7 days, such as 01:00:00.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MediaStorage>();
        builder.Services.AddSingleton<VipsImageProcessor>();
        builder.Services.AddSingleton<IImageProcessor>(sp => sp.GetRequiredService<VipsImageProcessor>());
        builder.Services.AddSingleton<DerivativeCache>();
        builder.Services.AddHostedService<ImageProcessorProbe>();
        builder.Services.AddSingleton<MediaOrphanSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MediaOrphanSweep>());
        builder.Services.AddScoped<UploadMedia.Handler>();
        builder.Services.AddScoped<UpdateMedia.Handler>();
        builder.Services.AddScoped<DeleteMedia.Handler>();
        builder.Services.AddScoped<MediaUsage.Handler>();
        builder.Services.AddScoped<MediaFolders.Handler>();
        builder.Services.AddScoped<ListMedia.Handler>();
        builder.Services.AddScoped<AttachmentLinks>();
        return builder;
    }
}

/// <summary>Starts libvips with the site, so a missing library is reported at start-up rather than on the first image.</summary>
internal sealed class ImageProcessorProbe(VipsImageProcessor images) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            images.EnsureStarted();
        }
        catch (ImageProcessorUnavailableException)
        {
            // Already logged with what to install; the rest of the site works without images derivatives.
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
