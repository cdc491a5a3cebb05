using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Inhoud;

public sealed class IndexModel(ContentList list, Pickers pickers) : PageModel
{
    [BindProperty(SupportsGet = true)] public ContentType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ContentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Term { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public IReadOnlyList<ContentList.Row> Rows { get; private set; } = [];
    public IReadOnlyList<Pickers.VocabularyTerms> Vocabularies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Vocabularies = await pickers.TermsAsync(ct);
        Rows = await list.ListAsync(new(Type, Status, Term, From, To, Q, Sort), 200, ct);
    }
}
