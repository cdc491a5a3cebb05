using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Site;

/// <summary>The public (Dutch) URL of everything readers can visit.</summary>
public static class ContentUrls
{
    public static string For(ContentType type, string slug) => $"{Prefix(type)}/{Uri.EscapeDataString(slug)}";

    public static string Prefix(ContentType type) => type switch
    {
        ContentType.Event or ContentType.Workshop => "/agenda",
        ContentType.MeetingReport => "/verslagen",
        ContentType.DossierArticle => "/artikelen",
        ContentType.Dossier => "/dossiers",
        ContentType.NewsletterIssue => "/nieuwsbrief",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Person(string slug) => $"/sprekers/{Uri.EscapeDataString(slug)}";

    public static string Term(string vocabularyAlias, string slug) => vocabularyAlias switch
    {
        Vocabulary.ThemeAlias or Vocabulary.RegionAlias => $"{TermIndex(vocabularyAlias)}/{Uri.EscapeDataString(slug)}",
        _ => $"/zoeken?{Uri.EscapeDataString(vocabularyAlias)}={Uri.EscapeDataString(slug)}",
    };

    /// <summary>The overview of the themes or the regions: "/themas", "/regios" (other vocabularies have no pages).</summary>
    public static string TermIndex(string vocabularyAlias) => vocabularyAlias switch
    {
        Vocabulary.ThemeAlias => "/themas",
        Vocabulary.RegionAlias => "/regios",
        _ => throw new ArgumentOutOfRangeException(nameof(vocabularyAlias), vocabularyAlias, null),
    };

    /// <summary>"Bijeenkomst", "Werkbijeenkomst", …: the kind as readers name it.</summary>
    public static string Label(ContentType type) => type switch
    {
        ContentType.Event => "Bijeenkomst",
        ContentType.Workshop => "Werkbijeenkomst",
        ContentType.MeetingReport => "Verslag",
        ContentType.DossierArticle => "Artikel",
        ContentType.Dossier => "Dossier",
        ContentType.NewsletterIssue => "Nieuwsbrief",
        _ => type.ToString(),
    };
}
