namespace KnowledgePlatform.Web.Content;

/// <summary>A speaker or author. Not versioned: a person's page shows their current details.</summary>
public sealed class Person
{
    public Guid Key { get; set; }
    public required string Slug { get; set; }

    /// <summary>"Dr.", "Prof. dr.", "drs." — kept apart so lists can sort by name.</summary>
    public string? Honorific { get; set; }

    public required string Name { get; set; }
    public string? Role { get; set; }
    public Guid? OrganisationKey { get; set; }
    public string? Bio { get; set; }
    public string? PhotoUrl { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(Honorific) ? Name : $"{Honorific} {Name}";
}

public sealed class Organisation
{
    public Guid Key { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Website { get; set; }
    public string? LogoUrl { get; set; }
}
