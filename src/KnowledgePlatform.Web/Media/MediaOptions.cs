namespace KnowledgePlatform.Web.Media;

/// <summary>`Media:*` settings, validated at start-up.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Originals and cached derivatives; shared by all instances. Empty: `{Storage:DataPath}/media`.</summary>
    public string? Path { get; set; }

    public int MaxFileSizeMb { get; set; } = 20;

    public int MaxImageSizeMb { get; set; } = 10;

    /// <summary>Largest image accepted, checked from the header before any decoding.</summary>
    public int MaxImagePixels { get; set; } = 50_000_000;

    public int MaxImageSide { get; set; } = 12_000;

    /// <summary>libvips threads per render; 0 = half the processor count.</summary>
    public int ImageThreads { get; set; }

    /// <summary>Derivatives rendered at the same time by this instance; more requests wait.</summary>
    public int MaxParallelRenders { get; set; } = 2;

    /// <summary>How often one instance removes files no media item owns (<see cref="MediaOrphanSweep"/>).</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromHours(1);

    public long MaxFileBytes => MaxFileSizeMb * 1024L * 1024L;

    public long MaxImageBytes => MaxImageSizeMb * 1024L * 1024L;
}
