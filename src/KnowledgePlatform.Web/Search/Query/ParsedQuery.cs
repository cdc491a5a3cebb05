namespace KnowledgePlatform.Web.Search.Query;

/// <summary>
/// A query as analyzed terms: every group must match (AND), a group matches when any of its
/// phrases does (OR), and no excluded phrase may match. A phrase is one or more analyzed terms
/// that must appear next to each other. Only analyzed terms are kept, so nothing a reader types
/// can become engine syntax.
/// </summary>
public sealed record ParsedQuery(
    IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Required,
    IReadOnlyList<IReadOnlyList<string>> Excluded,
    bool Truncated)
{
    public static readonly ParsedQuery Empty = new([], [], false);

    /// <summary>True when the reader typed nothing that can match (no words, or only stop words).</summary>
    public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;

    /// <summary>The terms that should be highlighted in snippets.</summary>
    public IReadOnlySet<string> HighlightTerms { get; } =
        Required.SelectMany(g => g).SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
}
