namespace KnowledgePlatform.Web.Site;

public static class AbsoluteUrls
{
    /// <summary>
    /// "https://www.example.nl/agenda/x" for "/agenda/x". Whatever leaves the page (feeds,
    /// calendars, sitemaps, canonical and Open Graph tags, mail) needs the public address from
    /// Site:BaseUrl, never the request's host, which a proxy or a crafted Host header can change.
    /// </summary>
    public static Uri Absolute(this SiteOptions site, string path) => new(site.BaseUri, path.TrimStart('/'));
}
