using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Mail;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// The subscriber CSV, both ways: the columns the export writes are the columns the import reads
/// (by header, in any order; unknown columns are ignored). Themes and regions are names or slugs,
/// separated by "|" or ","; none means "alles".
/// </summary>
public static class SubscriberCsvRows
{
    public static readonly string[] Header = ["E-mailadres", "Naam", "Status", "Thema's", "Regio's", "Aangemeld op", "Bevestigd op", "Bron", "Bounces"];

    public sealed record Row(int Line, string Email, string? Name, IReadOnlyList<Guid> Topics);

    public sealed record Parsed(IReadOnlyList<Row> Rows, IReadOnlyList<ImportSubscribers.Line> Errors, IReadOnlyList<ImportSubscribers.Line> Duplicates);

    private static readonly string[] EmailNames = ["e-mailadres", "emailadres", "e-mail", "email", "mail"];
    private static readonly string[] NameNames = ["naam", "name"];
    private static readonly string[] ThemeNames = ["thema's", "themas", "thema", "themes"];
    private static readonly string[] RegionNames = ["regio's", "regios", "regio", "regions"];

    public static Parsed Parse(string csv, IReadOnlyList<Topic> topics, int maxRows)
    {
        var rows = SpreadsheetCsv.Read(csv);
        if (rows.Count == 0)
        {
            return Failed(new(1, "het bestand is leeg."));
        }

        var header = rows[0].Cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Column(string[] names) => header.FindIndex(names.Contains);
        var (email, name, themes, regions) = (Column(EmailNames), Column(NameNames), Column(ThemeNames), Column(RegionNames));
        if (email < 0)
        {
            return Failed(new(rows[0].Line, "de eerste regel noemt de kolommen; er is geen kolom ‘E-mailadres’ (ook ‘Naam’, ‘Thema's’ en ‘Regio's’ worden gelezen)."));
        }

        if (rows.Count - 1 > maxRows)
        {
            return Failed(new(rows[maxRows + 1].Line, $"het bestand heeft meer dan {maxRows.ToString("N0", DutchTime.Culture)} regels; splits het op."));
        }

        var (valid, errors, duplicates) = (new List<Row>(), new List<ImportSubscribers.Line>(), new List<ImportSubscribers.Line>());
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(1))
        {
            string? Cell(int i) => i >= 0 && i < row.Cells.Count && SpreadsheetCsv.Unneutralise(row.Cells[i].Trim()) is { Length: > 0 } v ? v : null;
            var problems = new List<string>();
            var address = MailboxAddress.Normalize(Cell(email));
            if (address is null || !address.Contains('.', StringComparison.Ordinal) || address.Any(char.IsWhiteSpace))
            {
                problems.Add(Cell(email) is { } typed ? $"‘{Short(typed)}’ is geen geldig e-mailadres" : "het e-mailadres ontbreekt");
            }

            if (Cell(name) is { Length: > 200 })
            {
                problems.Add("de naam is langer dan 200 tekens");
            }

            var chosen = new List<Guid>();
            foreach (var (column, vocabulary, label) in new[] { (themes, Vocabulary.ThemeAlias, "thema"), (regions, Vocabulary.RegionAlias, "regio") })
            {
                foreach (var wanted in Split(Cell(column), topics, vocabulary))
                {
                    var topic = Find(topics, vocabulary, wanted);
                    if (topic is null)
                    {
                        problems.Add($"onbekend {label} ‘{Short(wanted)}’");
                    }
                    else
                    {
                        chosen.Add(topic.Key);
                    }
                }
            }

            if (problems.Count > 0)
            {
                errors.Add(new(row.Line, string.Join("; ", problems) + "."));
            }
            else if (seen.TryGetValue(address!, out var first))
            {
                duplicates.Add(new(row.Line, $"overgeslagen: hetzelfde adres staat al op regel {first}."));
            }
            else
            {
                seen[address!] = row.Line;
                valid.Add(new Row(row.Line, address!, MailboxAddress.CleanName(Cell(name)), chosen));
            }
        }

        return new Parsed(valid, errors, duplicates);
    }

    /// <summary>Topic names for the export ("Jeugd | Zorg").</summary>
    public static string Names(IEnumerable<Guid> keys, IReadOnlyList<Topic> topics, string vocabulary) =>
        string.Join(" | ", topics.Where(t => t.Vocabulary == vocabulary && keys.Contains(t.Key)).Select(t => t.Name));

    private static string[] Split(string? cell, IReadOnlyList<Topic> topics, string vocabulary) =>
        cell is null ? []
        : Find(topics, vocabulary, cell) is not null ? [cell] // a name that itself contains a comma
        : cell.Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Topic? Find(IReadOnlyList<Topic> topics, string vocabulary, string wanted) =>
        topics.FirstOrDefault(t => t.Vocabulary == vocabulary
            && (string.Equals(t.Slug, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase)));

    private static Parsed Failed(ImportSubscribers.Line error) => new([], [error], []);

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
