using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>Which sections of an issue a subscriber gets: unlimited ones, and limited ones that share a theme or region with them.</summary>
public static class IssueAudience
{
    public static bool Gets(NewsletterSection section, bool allTopics, IReadOnlyCollection<Guid> subscriberTerms) =>
        section.Terms is not { Count: > 0 } limit || allTopics || limit.Any(subscriberTerms.Contains);

    public static IReadOnlyList<int> SectionsFor(NewsletterIssueContent issue, bool allTopics, IReadOnlyCollection<Guid> subscriberTerms) =>
        [.. Enumerable.Range(0, issue.Sections.Count).Where(i => issue.Sections[i].Items.Count > 0 && Gets(issue.Sections[i], allTopics, subscriberTerms))];
}
