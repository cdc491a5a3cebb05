using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Inhoud;

/// <summary>
/// Create and edit every content type. Every button is a form submit, so the page works without
/// JavaScript: programme rows are added, moved and removed by re-rendering the posted form.
/// </summary>
public sealed partial class BewerkenModel(KnowledgeDbContext db, EditContent.Handler edit, Workflow workflow, Pickers pickers,
    BackOfficeAccess access) : PageModel
{
    [BindProperty] public ContentForm Form { get; set; } = new();
    public Guid? Key { get; private set; }
    public ContentItem? Item { get; private set; }
    public EditorialState? State { get; private set; }
    public bool CanPublish { get; private set; }

    /// <summary>This user's rights on the item (null for a new one); see <see cref="BackOfficeAccess"/>.</summary>
    public BackOfficeAccess.ContentDecision? Access { get; private set; }

    public bool ReadOnly => Access is { CanChange: false };
    public EditChoices Choices { get; private set; } = EditChoices.Empty;
    private string Editor => User.Identity?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(Guid? key, ContentType? type, CancellationToken ct)
    {
        if (key is { } k)
        {
            var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == k, ct);
            if (item is null)
            {
                return NotFound();
            }

            Access = await access.ContentAsync(User, k, ct);

            var json = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == k && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(ct);
            Form = ContentFormMapping.FromBody(ContentJson.DeserializeBody(json), item.LatestVersion);
        }
        else
        {
            Form = new ContentForm { Type = type is { } t && ContentTypeNames.Editable.Contains(t) ? t : ContentType.Event };
        }

        if (Form.IsEvent && Form.Programme.Count == 0)
        {
            Form.Programme.Add(new ProgrammeRow());
        }

        return await ShowAsync(key, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? key, CancellationToken ct) =>
        await RefuseAsync(key, ct) ?? await SaveThenAsync(key, null, ct);

    public async Task<IActionResult> OnPostSubmitAsync(Guid? key, CancellationToken ct) => await RefuseAsync(key, ct) ?? await SaveThenAsync(key, async k =>
    {
        await workflow.SubmitAsync(k, Editor, ct);
        return "Opgeslagen en aangeboden ter beoordeling.";
    }, ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid? key, CancellationToken ct) => !await access.MayPublishAsync(User) ? Forbid()
        : await RefuseAsync(key, ct) ?? await SaveThenAsync(key, async k =>
        {
            await workflow.PublishAsync(k, Editor, ct);
            return "Opgeslagen en gepubliceerd.";
        }, ct);

    private async Task<IActionResult> SaveThenAsync(Guid? key, Func<Guid, Task<string>>? then, CancellationToken ct)
    {
        var (body, errors) = ContentFormMapping.ToBody(Form);
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
            if (Form.IsEvent && !string.IsNullOrWhiteSpace(Form.NewSpeakerName))
            {
                body = await WithNewSpeakerAsync((EventContent)body, ct);
            }

            var saved = await edit.HandleAsync(new(key, body, Form.LoadedVersion, Editor), ct);
            TempData["Message"] = then is null ? $"Opgeslagen als versie {saved.Version}." : await then(saved.Key);
            return RedirectToPage(new { key = saved.Key });
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(FieldFor(field), message);
                }
            }

            return await ShowAsync(key, ct);
        }
    }

    private async Task<EventContent> WithNewSpeakerAsync(EventContent body, CancellationToken ct)
    {
        var name = Form.NewSpeakerName!.Trim();
        if (name.Length < 2)
        {
            throw ValidationFailedException.For(nameof(ContentForm.NewSpeakerName), "Vul de naam van de nieuwe spreker in.");
        }

        var person = await QuickCreatePerson.CreateAsync(db, name, Form.NewSpeakerRole, Editor, ct);
        Form.Speakers.Add(person);
        (Form.NewSpeakerName, Form.NewSpeakerRole) = (null, null);
        return body with { Speakers = [.. body.Speakers, person] };
    }

    // The validator's field names → the form's: "Registration.Url" → "Form.RegistrationUrl"; "People" → beside the speakers.
    private static string FieldFor(string field) => field switch
    {
        "Version" => "",
        "People" => "Form.Speakers",
        "Organisers" => "Form.Organisers",
        "Items" => "Form.Items",
        "Attachments" => "Form.Attachments",
        "Registration.Questions.FreeQuestion" => "Form.FreeQuestion",
        _ => "Form." + field.Replace(".", "", StringComparison.Ordinal),
    };

    /// <summary>
    /// Every POST that names an item: 404 for an unknown key (a save never creates an item under a key
    /// from the address), 403 when this user may not change it. Null: go ahead.
    /// </summary>
    private async Task<IActionResult?> RefuseAsync(Guid? key, CancellationToken ct)
    {
        if (key is not { } k)
        {
            return null; // a new item: every back-office role may create
        }

        Access = await access.ContentAsync(User, k, ct);
        return !Access.Exists ? NotFound() : !Access.CanChange ? Forbid() : null;
    }

    private async Task<IActionResult> ShowAsync(Guid? key, CancellationToken ct)
    {
        Key = key;
        if (key is { } k)
        {
            Item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == k, ct);
            State = await db.Set<EditorialState>().AsNoTracking().SingleOrDefaultAsync(s => s.ContentKey == k, ct);
        }

        CanPublish = await access.MayPublishAsync(User);
        Choices = await EditChoices.LoadAsync(pickers, Form.Type, key, ct);
        return Page();
    }
}
