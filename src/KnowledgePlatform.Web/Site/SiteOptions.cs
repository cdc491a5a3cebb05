namespace KnowledgePlatform.Web.Site;

/// <summary>`Site:*` settings.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address, for canonical URLs, feeds and links in mail.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/");
}
