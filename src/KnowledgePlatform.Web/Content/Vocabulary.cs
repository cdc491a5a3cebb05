namespace KnowledgePlatform.Web.Content;

/// <summary>
/// A taxonomy such as Thema, Regio or Doelgroep. Administrators add vocabularies as data;
/// only the aliases of the two the site relies on are known to code.
/// </summary>
public sealed class Vocabulary
{
    public const string ThemeAlias = "thema";
    public const string RegionAlias = "regio";

    public Guid Key { get; set; }

    /// <summary>Lower-case, URL-safe, unique: "thema", "regio", "doelgroep".</summary>
    public required string Alias { get; set; }

    public required string Name { get; set; }
    public List<Term> Terms { get; set; } = [];
}

public sealed class Term
{
    public Guid Key { get; set; }
    public Guid VocabularyKey { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
