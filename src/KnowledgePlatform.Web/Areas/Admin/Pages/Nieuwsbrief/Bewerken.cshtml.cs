using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>
/// Compose an issue: subject, preheader, intro (rich text), ordered sections of content items,
/// each optionally limited to themes/regions, and the suggestion of what was published since the
/// last issue. Saved as a content version (optimistic concurrency, audited) through EditContent.
/// Every step is a form post that re-renders the form unsaved, so it all works without JavaScript.
/// </summary>
public sealed class BewerkenModel(KnowledgeDbContext db, EditContent.Handler edit, IssueSuggestions suggestions, IssueOverview overview,
    NewsletterTopics topics, Pickers pickers, BackOfficeAccess access) : PageModel
{
    /// <summary>What the form shows about an item in a section.</summary>
    public sealed record ItemInfo(string Title, ContentType Type, bool Published);

    [BindProperty] public IssueForm Form { get; set; } = new();
    public Guid? Key { get; private set; }
    public ContentItem? Item { get; private set; }
    public NewsletterSend? Send { get; private set; }
    public IssueSuggestion Suggestion { get; private set; } = new(DateTime.MinValue, []);
    public IReadOnlyList<Topic> Topics { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ItemInfo> Items { get; private set; } = new Dictionary<Guid, ItemInfo>();
    public IReadOnlyList<Pickers.Choice> Choices { get; private set; } = [];
    public bool CanPublish { get; private set; }

    /// <summary>What this user may do with the issue (null for a new one): an author changes only their own draft.</summary>
    public BackOfficeAccess.ContentDecision? Access { get; private set; }

    public bool ReadOnly => Access is { CanChange: false };

    /// <summary>The form differs from what is saved (after a step).</summary>
    public bool Unsaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? key, CancellationToken ct)
    {
        if (key is { } k)
        {
            var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == k && i.Type == ContentType.NewsletterIssue, ct);
            if (item is null)
            {
                return NotFound();
            }

            var json = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == k && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(ct);
            Form = IssueForm.From((NewsletterIssueContent)ContentJson.DeserializeBody(json), item.LatestVersion);
        }
        else
        {
            Form = new IssueForm { Sections = [new SectionForm { Title = "Agenda" }] };
        }

        return await ShowAsync(key, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? key, CancellationToken ct)
    {
        if (await RefusedAsync(key, ct) is { } refused)
        {
            return refused;
        }

        var (body, errors) = Form.ToBody();
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError("Form." + field, message);
        }

        if (body is null || !ModelState.IsValid)
        {
            return await ShowAsync(key, ct);
        }

        try
        {
            var saved = await edit.HandleAsync(new(key, body, Form.LoadedVersion, User.Identity?.Name ?? "?"), ct);
            TempData["Message"] = $"Opgeslagen als versie {saved.Version}.";
            return RedirectToPage(new { key = saved.Key });
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                ModelState.AddModelError(field is "Version" ? "" : field is "Items" or "Terms" ? "Form.Sections" : "Form." + field, string.Join(" ", messages));
            }

            return await ShowAsync(key, ct);
        }
    }

    public async Task<IActionResult> OnPostStepAsync(Guid? key, string? step, CancellationToken ct)
    {
        if (await RefusedAsync(key, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        Form.Apply(step, (await suggestions.SuggestAsync(ct)).Sections);
        Unsaved = true;
        return await ShowAsync(key, ct);
    }

    /// <summary>404 for no such issue, 403 for an issue this user may only look at; null: go ahead.</summary>
    private async Task<IActionResult?> RefusedAsync(Guid? key, CancellationToken ct)
    {
        if (key is not { } k)
        {
            return null; // a new issue: anyone in the back-office may start one
        }

        if (await IssueAsync(k, ct) is null)
        {
            return NotFound();
        }

        return (await access.ContentAsync(User, k, ct)).CanChange ? null : Forbid();
    }

    private Task<ContentItem?> IssueAsync(Guid key, CancellationToken ct) =>
        db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key && i.Type == ContentType.NewsletterIssue, ct);

    private async Task<IActionResult> ShowAsync(Guid? key, CancellationToken ct)
    {
        Key = key;
        if (key is { } k)
        {
            Item = await IssueAsync(k, ct);
            Send = await overview.LatestSendAsync(k, ct);
            Access = await access.ContentAsync(User, k, ct);
        }

        Suggestion = await suggestions.SuggestAsync(ct);
        Topics = await topics.AllAsync(ct);
        var keys = Form.AllItems.Concat(Suggestion.Sections.SelectMany(s => s.Items.Select(i => i.Key))).Distinct().ToList();
        Items = (await (from i in db.ContentItems.AsNoTracking()
                        join v in db.ContentVersions.AsNoTracking() on new { K = i.Key, N = i.LatestVersion } equals new { K = v.ContentKey, N = v.Number }
                        where keys.Contains(i.Key)
                        select new { i.Key, v.Title, i.Type, i.Status }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => new ItemInfo(x.Title, x.Type, x.Status == ContentStatus.Published));
        Choices = await pickers.ItemsAsync([.. ContentTypeNames.Editable], key, ct);
        CanPublish = await access.MayPublishAsync(User);
        ViewData["Title"] = key is null ? "Nieuwe nieuwsbrief" : $"Nieuwsbrief: {Form.Title}";
        return Page();
    }
}
