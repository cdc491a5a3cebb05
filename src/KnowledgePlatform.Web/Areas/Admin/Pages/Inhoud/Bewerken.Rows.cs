using KnowledgePlatform.Web.Areas.Admin.Editing;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Inhoud;

/// <summary>Adding, moving and removing programme and attachment rows: each re-renders the posted form, unsaved, so it works without JavaScript.</summary>
public sealed partial class BewerkenModel
{
    /// <summary>Programme editing without JavaScript: "add", "up:2", "down:0", "remove:1" re-render the form unsaved.</summary>
    public async Task<IActionResult> OnPostProgrammeAsync(Guid? key, string? step, CancellationToken ct)
    {
        if (await RefuseAsync(key, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var parts = (step ?? "").Split(':');
        var index = parts.Length == 2 && int.TryParse(parts[1], out var i) && i >= 0 && i < Form.Programme.Count ? i : -1;
        switch (parts[0])
        {
            case "add":
                Form.Programme.Add(new ProgrammeRow());
                break;
            case "up" when index > 0:
                (Form.Programme[index - 1], Form.Programme[index]) = (Form.Programme[index], Form.Programme[index - 1]);
                AttachmentRows.ProgrammeSwapped(Form.Attachments, index - 1, index);
                break;
            case "down" when index >= 0 && index < Form.Programme.Count - 1:
                (Form.Programme[index + 1], Form.Programme[index]) = (Form.Programme[index], Form.Programme[index + 1]);
                AttachmentRows.ProgrammeSwapped(Form.Attachments, index, index + 1);
                break;
            case "remove" when index >= 0:
                Form.Programme.RemoveAt(index);
                AttachmentRows.ProgrammeRemoved(Form.Attachments, index);
                break;
        }

        return await ShowAsync(key, ct);
    }

    /// <summary>Attachment rows without JavaScript: "add" and "remove:1" re-render the form unsaved, like the programme.</summary>
    public async Task<IActionResult> OnPostAttachmentsAsync(Guid? key, string? step, CancellationToken ct)
    {
        if (await RefuseAsync(key, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        AttachmentRows.Apply(Form.Attachments, step);
        return await ShowAsync(key, ct);
    }
}
