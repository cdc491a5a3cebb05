using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Corpus;

/// <summary>The supporting entities of a generated corpus: vocabularies, organisations and people.</summary>
public sealed record CorpusSupport(
    List<Vocabulary> Vocabularies, List<Term> Themes, List<Term> Regions, List<Organisation> Organisations, List<Person> People)
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

    private static readonly string[] Honorifics = ["", "", "", "Dr.", "Prof. dr.", "drs.", "mr."];

    public static CorpusSupport Create(DutchText text, int count)
    {
        var theme = Vocab(Vocabulary.ThemeAlias, "Thema", ThemeNames);
        var region = Vocab(Vocabulary.RegionAlias, "Regio", RegionNames);
        var organisations = Enumerable.Range(0, Math.Max(10, count / 50)).Select(i =>
        {
            var name = DutchText.Capitalise(text.Words(1, 3));
            return new Organisation { Key = Key(text), Slug = $"{Slugs.From(name)}-o{i}", Name = name, Website = $"https://organisatie{i}.example.nl" };
        }).ToList();
        var people = Enumerable.Range(0, Math.Max(20, count / 8)).Select(i =>
        {
            var name = $"{DutchText.Capitalise(text.Word())} {DutchText.Capitalise(text.Word())}";
            return new Person
            {
                Key = Key(text),
                Slug = $"{Slugs.From(name)}-p{i}",
                Honorific = Honorifics[text.Random.Next(Honorifics.Length)] is { Length: > 0 } h ? h : null,
                Name = name,
                Role = text.Words(2, 5),
                OrganisationKey = organisations[text.Random.Next(organisations.Count)].Key,
                Bio = text.Sentence(12, 30),
            };
        }).ToList();
        return new CorpusSupport([theme, region], theme.Terms, region.Terms, organisations, people);

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
}
