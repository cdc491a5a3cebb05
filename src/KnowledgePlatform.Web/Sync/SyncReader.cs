using System.Text.Json;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Sync;

/// <summary>
/// Reads and checks every file in a uSync folder. Collects every problem (path and reason) instead
/// of stopping at the first, and throws them together so nothing is imported from a broken set.
/// </summary>
public static class SyncReader
{
    public static SyncSnapshot Read(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new SyncFailedException([new SyncProblem(root, "de map bestaat niet (Sync:Root)")]);
        }

        var snapshot = new SyncSnapshot();
        var problems = new List<SyncProblem>();
        var seenKeys = new Dictionary<Guid, string>();
        foreach (var folder in SyncFolders.Items)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                var display = SyncFolders.Display(root, path);
                try
                {
                    var key = ReadOne(snapshot, folder, path, display);
                    if (!seenKeys.TryAdd(key, display))
                    {
                        problems.Add(new SyncProblem(display, $"de sleutel {key} staat ook in {seenKeys[key]}"));
                    }
                }
                catch (JsonException ex)
                {
                    var where = ex.LineNumber is { } line ? $"regel {line + 1}: " : "";
                    problems.Add(new SyncProblem(display, $"{where}ongeldige JSON of velden ({ex.Message})"));
                }
                catch (InvalidDataException ex)
                {
                    problems.Add(new SyncProblem(display, ex.Message));
                }
            }
        }

        ReadSettings(root, snapshot, problems);
        problems.AddRange(DuplicateSlugs(snapshot));
        return problems.Count > 0 ? throw new SyncFailedException(problems) : snapshot;
    }

    private static Guid ReadOne(SyncSnapshot snapshot, string folder, string path, string display)
    {
        var json = File.ReadAllText(path);
        using (var doc = JsonDocument.Parse(json))
        {
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True)
            {
                var deletedKey = doc.RootElement.GetProperty("key").GetGuid();
                CheckName(path, deletedKey);
                snapshot.Deleted.Add(new SyncSnapshot.Tombstone(display, folder, deletedKey));
                return deletedKey;
            }
        }

        Guid key;
        switch (folder)
        {
            case SyncFolders.Vocabularies:
                var vocabulary = Parse<VocabularyFile>(json);
                key = vocabulary.Key;
                snapshot.Vocabularies.Add(new(display, vocabulary));
                break;
            case SyncFolders.Organisations:
                var organisation = Parse<OrganisationFile>(json);
                key = organisation.Key;
                snapshot.Organisations.Add(new(display, organisation));
                break;
            case SyncFolders.People:
                var person = Parse<PersonFile>(json);
                key = person.Key;
                snapshot.People.Add(new(display, person));
                break;
            case SyncFolders.Media:
                var media = Parse<MediaFile>(json);
                key = media.Key;
                if (SyncFolders.FindMediaBytes(Path.GetDirectoryName(Path.GetDirectoryName(path))!, key) is null)
                {
                    throw new InvalidDataException($"de inhoud ontbreekt: zet het bestand zelf ernaast als {key:D}.pdf (of .jpg, .png, .docx, …)");
                }

                snapshot.Media.Add(new(display, media));
                break;
            default:
                var content = Parse<ContentFile>(json);
                key = content.Key;
                snapshot.Content.Add(new(display, content with { Content = ContentNormalizer.Normalize(content.Content) }));
                break;
        }

        CheckName(path, key);
        return key;
    }

    private static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, ContentJson.Options) ?? throw new InvalidDataException("het bestand is leeg");

    private static void CheckName(string path, Guid key)
    {
        if (!string.Equals(Path.GetFileNameWithoutExtension(path), key.ToString("D"), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"de bestandsnaam moet de sleutel zijn: {key:D}.json");
        }
    }

    private static void ReadSettings(string root, SyncSnapshot snapshot, List<SyncProblem> problems)
    {
        var path = Path.Combine(root, SyncFolders.Settings, SyncFolders.SettingsFile);
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            snapshot.Settings = Parse<SiteSettingsFile>(File.ReadAllText(path));
            if (Site.BrandTheme.Problem(snapshot.Settings.BrandColor, snapshot.Settings.LogoUrl) is { } problem)
            {
                problems.Add(new SyncProblem(SyncFolders.Display(root, path), problem));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            problems.Add(new SyncProblem(SyncFolders.Display(root, path), $"ongeldige instellingen ({ex.Message})"));
        }
    }

    private static IEnumerable<SyncProblem> DuplicateSlugs(SyncSnapshot s) =>
        s.Content.Select(e => (e.Path, Scope: e.File.Content.Type.ToString(), e.File.Content.Slug))
            .Concat(s.People.Select(e => (e.Path, Scope: "person", e.File.Slug)))
            .Concat(s.Organisations.Select(e => (e.Path, Scope: "organisation", e.File.Slug)))
            .Concat(s.Vocabularies.Select(e => (e.Path, Scope: "vocabulary", Slug: e.File.Alias)))
            .GroupBy(x => (x.Scope, x.Slug))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(x => new SyncProblem(x.Path, $"de slug '{g.Key.Slug}' staat ook in {g.First().Path}")));
}
