using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// The edit form's attachment rows ⇄ <see cref="Attachment"/>s, and keeping their programme-item ties right
/// while programme rows are moved or removed (a tie is a position, counted from 1).
/// </summary>
public static class AttachmentRows
{
    public const string Field = nameof(ContentForm.Attachments);

    /// <summary>The filled rows as attachments (null for none); a row with a title but no document is an error.</summary>
    public static IReadOnlyList<Attachment>? ToAttachments(List<AttachmentRow> rows, Dictionary<string, string> errors)
    {
        var filled = rows.Where(r => !r.IsEmpty).ToList();
        if (filled.Exists(r => r.Media is null))
        {
            errors[Field] = "Kies bij elke bijlage een document uit de mediabibliotheek (of maak de rij leeg).";
        }

        var attachments = filled.Where(r => r.Media is not null)
            .Select(r => new Attachment { Media = r.Media!.Value, Title = r.Title?.Trim() ?? "", Speaker = r.Speaker, ProgrammeItem = r.ProgrammeItem })
            .ToList();
        return attachments.Count == 0 ? null : attachments;
    }

    public static List<AttachmentRow> FromAttachments(IReadOnlyList<Attachment>? attachments) =>
        [.. (attachments ?? []).Select(a => new AttachmentRow { Media = a.Media, Title = a.Title, Speaker = a.Speaker, ProgrammeItem = a.ProgrammeItem })];

    /// <summary>"add" appends an empty row, "remove:1" removes the second; anything else changes nothing.</summary>
    public static void Apply(List<AttachmentRow> rows, string? step)
    {
        var parts = (step ?? "").Split(':');
        if (parts[0] == "add")
        {
            rows.Add(new AttachmentRow());
        }
        else if (parts is ["remove", var n] && int.TryParse(n, out var index) && index >= 0 && index < rows.Count)
        {
            rows.RemoveAt(index);
        }
    }

    /// <summary>Programme rows <paramref name="a"/> and <paramref name="b"/> (0-based) swapped places: so do their attachments' ties.</summary>
    public static void ProgrammeSwapped(List<AttachmentRow> rows, int a, int b)
    {
        foreach (var row in rows)
        {
            row.ProgrammeItem = row.ProgrammeItem == a + 1 ? b + 1 : row.ProgrammeItem == b + 1 ? a + 1 : row.ProgrammeItem;
        }
    }

    /// <summary>Programme row <paramref name="removed"/> (0-based) is gone: its attachments belong to the event again, later ones move up.</summary>
    public static void ProgrammeRemoved(List<AttachmentRow> rows, int removed)
    {
        foreach (var row in rows)
        {
            row.ProgrammeItem = row.ProgrammeItem == removed + 1 ? null : row.ProgrammeItem > removed + 1 ? row.ProgrammeItem - 1 : row.ProgrammeItem;
        }
    }
}
