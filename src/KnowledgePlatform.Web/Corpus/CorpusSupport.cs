using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Corpus;

/// <summary>
/// The supporting entities of a generated corpus: vocabularies, organisations and people, each
/// with a skewed picker, because real use is skewed too: a few themes and regions are on most
/// items, and a few speakers appear far more often than the rest.
/// </summary>
public sealed record CorpusSupport(
    List<Vocabulary> Vocabularies, Skewed<Term> Themes, Skewed<Term> Regions, Skewed<Organisation> Organisations, Skewed<Person> People)
{
    private static readonly string[] ThemeNames =
    [
        "Sociaal domein", "Jeugd", "Wmo", "Participatie", "Schuldhulpverlening", "Armoede", "Eenzaamheid", "Wonen en zorg",
        "Informatievoorziening", "Inclusie", "Preventie", "Lerende praktijk", "Sturing en verantwoording", "Mantelzorg", "Werk en inkomen",
    ];

    private static readonly string[] RegionNames =
    [
        "Landelijk", "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
        "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort", "Zaanstad", "Den Bosch", "Zwolle", "Leiden",
        "Maastricht", "Dordrecht", "Zoetermeer", "Ede", "Delft", "Zeist", "Hilversum", "Leeuwarden", "Alkmaar", "Venlo",
    ];

    /// <summary>One organisation per 50 items and one person per 8 items (at least 10 and 20).</summary>
    public static CorpusSupport Create(DutchText text, int count)
    {
        var r = text.Random;
        var theme = Vocab(Vocabulary.ThemeAlias, "Thema", ThemeNames);
        var region = Vocab(Vocabulary.RegionAlias, "Regio", RegionNames);
        var organisations = Enumerable.Range(0, Math.Max(10, count / 50)).Select(i =>
        {
            var place = r.NextDouble() < 0.5 ? RegionNames[r.Next(1, RegionNames.Length)] : DutchText.Capitalise(text.ContentWord());
            var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(r, DutchWords.OrganisationPatterns), place);
            return new Organisation { Key = Key(text), Slug = $"{Slugs.From(name)}-o{i}", Name = name, Website = $"https://organisatie{i}.example.nl" };
        }).ToList();
        var people = Enumerable.Range(0, Math.Max(20, count / 8)).Select(i =>
        {
            var name = string.Join(' ', new[] { Pick(r, DutchWords.FirstNames), Pick(r, DutchWords.Prefixes), Pick(r, DutchWords.Surnames) }.Where(p => p.Length > 0));
            return new Person
            {
                Key = Key(text),
                Slug = $"{Slugs.From(name)}-p{i}",
                Honorific = Pick(r, DutchWords.Honorifics) is { Length: > 0 } h ? h : null,
                Name = name,
                Role = text.Words(2, 5),
                OrganisationKey = organisations[r.Next(organisations.Count)].Key,
                Bio = text.Sentence(12, 30),
            };
        }).ToList();
        return new CorpusSupport([theme, region], new(theme.Terms, 0.8), new(region.Terms, 0.8), new(organisations, 0.7), new(people, 0.5));

        Vocabulary Vocab(string alias, string name, string[] terms)
        {
            var v = new Vocabulary { Key = Key(text), Alias = alias, Name = name };
            v.Terms = [.. terms.Select((t, i) => new Term { Key = Key(text), VocabularyKey = v.Key, Slug = Slugs.From(t), Name = t, SortOrder = i })];
            return v;
        }
    }

    /// <summary>Guids from the seeded random, so the same seed gives the same keys.</summary>
    public static Guid Key(DutchText text)
    {
        Span<byte> bytes = stackalloc byte[16];
        text.Random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string Pick(Random r, string[] from) => from[r.Next(from.Length)];
}

/// <summary>Picks from a list with weight 1 / (index + 1)^exponent: the first items often, the last rarely.</summary>
public sealed class Skewed<T>
{
    private readonly double[] cumulative;

    public Skewed(List<T> items, double exponent)
    {
        Items = items;
        cumulative = new double[items.Count];
        var sum = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            cumulative[i] = sum += 1.0 / Math.Pow(i + 1, exponent);
        }
    }

    public List<T> Items { get; }

    public T Next(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Items[Math.Min(Items.Count - 1, index < 0 ? ~index : index)];
    }

    /// <summary>From <paramref name="min"/> to <paramref name="max"/> distinct items.</summary>
    public List<T> Some(Random random, int min, int max) =>
        [.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Next(random)).Distinct()];
}
