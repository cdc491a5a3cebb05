namespace KnowledgePlatform.Web.Site;

/// <summary>`Site:*` settings.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address, for canonical URLs, feeds and links in mail.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Output caching of public pages; off only to measure uncached rendering.</summary>
    public bool OutputCache { get; set; } = true;

    public Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/");
}
