using System.Collections.Frozen;

namespace KnowledgePlatform.Web.Search.Analysis;

/// <summary>
/// Snowball's Dutch stop list (the same 101 words PostgreSQL ships as <c>dutch.stop</c>), so an
/// engine that leaves stop words to PostgreSQL drops the same words as one that uses this list.
/// Looked up by folded form: "één" is the article "een" to the index.
/// </summary>
public static class DutchStopWords
{
    public static FrozenSet<string> All { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn",
        "is", "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan",
        "zou", "of", "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij", "ook",
        "tot", "je", "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft", "hebben",
        "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets",
        "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder",
        "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd",
        "doch", "wordt", "wezen", "kunnen", "ons", "zelf", "tegen", "na", "reeds", "wil", "kon",
        "niets", "uw", "iemand", "geweest", "andere",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        All.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a folded (lower-case, unaccented) word is a stop word; allocates nothing.</summary>
    public static bool Contains(ReadOnlySpan<char> foldedWord) => BySpan.Contains(foldedWord);
}
