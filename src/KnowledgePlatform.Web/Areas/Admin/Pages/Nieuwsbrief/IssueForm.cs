using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>The compose form of a newsletter issue, as posted (every step re-posts the whole form, so it works without JavaScript).</summary>
public sealed class IssueForm
{
    public int? LoadedVersion { get; set; }
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Preheader { get; set; }
    public string? Intro { get; set; }
    public List<SectionForm> Sections { get; set; } = [];

    /// <summary>The item picked in "add an item", and the section (index) it goes to.</summary>
    public Guid? AddItem { get; set; }

    public int AddTo { get; set; }

    public IEnumerable<Guid> AllItems => Sections.SelectMany(s => s.Items);

    public static IssueForm From(NewsletterIssueContent issue, int version) => new()
    {
        LoadedVersion = version,
        Title = issue.Title,
        Slug = issue.Slug,
        Summary = issue.Summary,
        Preheader = issue.Preheader,
        Intro = issue.Intro,
        Sections = [.. issue.Sections.Select(s => new SectionForm { Title = s.Title, Items = [.. s.Items], Terms = [.. s.Terms ?? []] })],
    };

    /// <summary>The body to save, or the Dutch messages per field (keys relative to the form).</summary>
    public (NewsletterIssueContent? Body, Dictionary<string, string> Errors) ToBody()
    {
        AddPickedItem();
        var errors = new Dictionary<string, string>();
        var title = Title?.Trim() ?? "";
        if (Preheader?.Trim().Length > 200)
        {
            errors["Preheader"] = "De voorvertoningstekst is te lang (hoogstens 200 tekens).";
        }

        var sections = new List<NewsletterSection>();
        for (var i = 0; i < Sections.Count; i++)
        {
            var s = Sections[i];
            var heading = s.Title?.Trim() ?? "";
            if (heading.Length == 0 && s.Items.Count == 0)
            {
                continue; // an empty, untitled section is just left out
            }

            if (heading.Length is 0 or > 200)
            {
                errors[$"Sections[{i}].Title"] = $"Geef rubriek {i + 1} een kop (hoogstens 200 tekens).";
            }

            sections.Add(new NewsletterSection { Title = heading, Items = [.. s.Items.Distinct()], Terms = s.Terms.Count > 0 ? [.. s.Terms.Distinct()] : null });
        }

        var body = new NewsletterIssueContent
        {
            Title = title,
            Slug = string.IsNullOrWhiteSpace(Slug) ? Slugs.From(title) : Slug.Trim(),
            Summary = Clean(Summary),
            Preheader = Clean(Preheader),
            Intro = Clean(Intro),
            Sections = sections,
        };
        return (errors.Count == 0 ? body : null, errors);
    }

    /// <summary>
    /// One editing step: "section-add", "section-up:1", "section-down:1", "section-remove:1",
    /// "item-add", "item-up:1:2", "item-down:1:2", "item-remove:1:2", "suggestion:2" (one suggested
    /// section) or "suggestion-all". Unknown or out-of-range steps change nothing.
    /// </summary>
    public void Apply(string? step, IReadOnlyList<Newsletter.SuggestedSection> suggestion)
    {
        var parts = (step ?? "").Split(':');
        int At(int p, int count) => parts.Length > p && int.TryParse(parts[p], out var v) && v >= 0 && v < count ? v : -1;
        var i = At(1, Sections.Count);
        var items = i >= 0 ? Sections[i].Items : [];
        var j = At(2, items.Count);
        switch (parts[0])
        {
            case "section-add":
                Sections.Add(new SectionForm());
                break;
            case "section-up" or "section-down" or "section-remove" when i >= 0:
                Move(Sections, i, parts[0]);
                break;
            case "item-up" or "item-down" or "item-remove" when j >= 0:
                Move(items, j, parts[0]);
                break;
            case "item-add":
                AddPickedItem();
                break;
            case "suggestion" when At(1, suggestion.Count) is var g and >= 0:
                TakeOver(suggestion[g]);
                break;
            case "suggestion-all":
                suggestion.ToList().ForEach(TakeOver);
                break;
        }
    }

    private void TakeOver(Newsletter.SuggestedSection section)
    {
        var fresh = section.Items.Select(x => x.Key).Except(AllItems).ToList();
        if (fresh.Count > 0)
        {
            Sections.Add(new SectionForm { Title = section.Title, Items = fresh });
        }
    }

    private void AddPickedItem()
    {
        if (AddItem is not { } item || AllItems.Contains(item))
        {
            AddItem = null;
            return;
        }

        if (Sections.Count == 0)
        {
            Sections.Add(new SectionForm { Title = "Nieuws" });
        }

        Sections[Math.Clamp(AddTo, 0, Sections.Count - 1)].Items.Add(item);
        AddItem = null;
    }

    private static void Move<T>(List<T> list, int index, string how)
    {
        if (how.EndsWith("-remove", StringComparison.Ordinal))
        {
            list.RemoveAt(index);
            return;
        }

        var other = how.EndsWith("-up", StringComparison.Ordinal) ? index - 1 : index + 1;
        if (other >= 0 && other < list.Count)
        {
            (list[index], list[other]) = (list[other], list[index]);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class SectionForm
{
    public string? Title { get; set; }
    public List<Guid> Items { get; set; } = [];

    /// <summary>Themes/regions this section is limited to; none: everyone gets it.</summary>
    public List<Guid> Terms { get; set; } = [];
}
