namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// One index or query term and the 0-based position of the word it came from. Stop words leave
/// their position empty, so "de kracht van het sociaal domein" still has "sociaal" two places
/// after "kracht". A joined compound ("sociaaldomein" from "sociaal-domein") shares the position
/// of its first part: tokens with equal positions are alternatives for the same place.
/// </summary>
public readonly record struct AnalyzedToken(string Term, int Position);
