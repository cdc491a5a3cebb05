using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>Small, valid content bodies for tests; each call gets a unique slug unless given one.</summary>
public static class TestContent
{
    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 120)];

    public static EventContent Event(string? slug = null, string title = "Werkplaats lokale inclusie", DateTimeOffset? start = null) => new()
    {
        Title = title,
        Slug = slug ?? UniqueSlug("bijeenkomst"),
        Summary = "Een middag over inclusie in de wijk.",
        Start = start ?? new DateTimeOffset(2030, 3, 12, 13, 30, 0, TimeSpan.FromHours(1)),
        End = (start ?? new DateTimeOffset(2030, 3, 12, 13, 30, 0, TimeSpan.FromHours(1))).AddHours(3),
        Venue = new Venue { Name = "Stadhuis", Address = "Stadsplateau 1", PostalCode = "3521 AZ", City = "Utrecht" },
        Body = "<p>Welkom <strong>allemaal</strong>.</p>",
        Programme = [new ProgrammeItem { StartTime = new TimeOnly(13, 30), Title = "Opening" }],
    };

    public static DossierArticleContent Article(string? slug = null, string title = "Wat werkt tegen eenzaamheid?") => new()
    {
        Title = title,
        Slug = slug ?? UniqueSlug("artikel"),
        Lead = "Een overzicht van onderzoek.",
        Body = "<p>Tekst.</p>",
    };
}
