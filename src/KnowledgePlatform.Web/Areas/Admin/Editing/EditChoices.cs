using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>The options the edit form needs for one content type, loaded once per render.</summary>
public sealed record EditChoices(
    IReadOnlyList<Pickers.Choice> People,
    IReadOnlyList<Pickers.Choice> Organisations,
    IReadOnlyList<Pickers.VocabularyTerms> Vocabularies,
    IReadOnlyList<Pickers.Choice> Events,
    IReadOnlyList<Pickers.Choice> Items,
    IReadOnlyList<Pickers.Choice> Documents)
{
    public static readonly EditChoices Empty = new([], [], [], [], [], []);

    public static async Task<EditChoices> LoadAsync(Pickers pickers, ContentType type, Guid? key, CancellationToken ct) => new(
        await pickers.PeopleAsync(ct),
        type is ContentType.Event or ContentType.Workshop ? await pickers.OrganisationsAsync(ct) : [],
        await pickers.TermsAsync(ct),
        type == ContentType.MeetingReport ? await pickers.ItemsAsync([ContentType.Event, ContentType.Workshop], key, ct) : [],
        type == ContentType.Dossier ? await pickers.ItemsAsync([ContentType.DossierArticle, ContentType.MeetingReport, ContentType.Event, ContentType.Workshop], key, ct) : [],
        type is ContentType.Event or ContentType.Workshop or ContentType.MeetingReport ? await pickers.DocumentsAsync(ct) : []);
}

/// <summary>One picker on the form: field name, label, options, what is selected (in order), the search kind.</summary>
public sealed record PickerField(string Name, string Label, IReadOnlyList<Pickers.Choice> Options, IReadOnlyList<Guid> Selected, bool Multiple, string Kind, string? Hint = null);
