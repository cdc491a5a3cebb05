namespace KnowledgePlatform.Web.Corpus;

/// <summary>
/// Dutch-looking text with the word frequencies of real text, deterministic for a seed. Words are
/// drawn by Zipf–Mandelbrot rank (p ∝ 1 / (rank + 2.7)^1.1): function words hold the first ranks
/// (about 45% of the running text, as in real Dutch, and dropped again by the analyzer), then the
/// social-domain words of <see cref="DutchWords.Domain"/>, then the rest of the word list, shorter
/// words first with some noise. So the most common indexed words are in a third of the documents,
/// a few thousand are in 2%, and most are rare. Each document also repeats a few topic words of
/// its own (<see cref="StartDocument"/>), as real texts do, so term frequencies vary per document.
/// </summary>
public sealed class DutchText
{
    private const double Exponent = 1.1, Shift = 2.7, TopicShare = 0.04;

    private readonly string[] ranked;
    private readonly double[] cumulative;
    private readonly int functionWords;
    private readonly string[] topics = new string[3];

    public DutchText(IReadOnlyList<string> words, Random random)
    {
        Random = random;
        functionWords = DutchWords.Function.Length;
        ranked = [.. DutchWords.Function, .. ContentOrder(words)];
        cumulative = new double[ranked.Length];
        var sum = 0.0;
        for (var i = 0; i < ranked.Length; i++)
        {
            sum += 1.0 / Math.Pow(i + 1 + Shift, Exponent);
            cumulative[i] = sum;
        }

        StartDocument();
    }

    public Random Random { get; }

    /// <summary>Picks the topic words the next document repeats (mid-frequency words: what a text is about).</summary>
    public void StartDocument()
    {
        for (var i = 0; i < topics.Length; i++)
        {
            topics[i] = ranked[functionWords + 100 + Random.Next(Math.Min(5_000, ranked.Length - functionWords - 100))];
        }
    }

    public string Word() => Random.NextDouble() < TopicShare ? topics[Random.Next(topics.Length)] : ranked[Rank(0)];

    /// <summary>A word that is not a function word (for names, titles).</summary>
    public string ContentWord() => ranked[Rank(functionWords)];

    public string Words(int min, int max) => string.Join(' ', Enumerable.Range(0, Random.Next(min, max + 1)).Select(_ => Word()));

    public string Sentence(int min = 6, int max = 18) => Capitalise(Words(min, max)) + ".";

    /// <summary>A title: a few words, at least two of them content words, so every title can be searched for.</summary>
    public string Title()
    {
        var words = Enumerable.Range(0, Random.Next(1, 5)).Select(_ => Word()).ToList();
        words.Insert(Random.Next(words.Count + 1), ContentWord());
        words.Insert(Random.Next(words.Count + 1), ContentWord());
        return Capitalise(string.Join(' ', words));
    }

    public string Paragraphs(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => "<p>" + string.Join(' ', Enumerable.Range(0, Random.Next(3, 7)).Select(_ => Sentence())) + "</p>"));

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private int Rank(int from)
    {
        var low = from == 0 ? 0.0 : cumulative[from - 1];
        var x = low + Random.NextDouble() * (cumulative[^1] - low);
        var index = Array.BinarySearch(cumulative, x);
        return Math.Min(ranked.Length - 1, index < 0 ? ~index : index);
    }

    /// <summary>
    /// The content words by rank: the domain words first, then the rest, shorter words before
    /// longer ones (as in real text) with noise, so the order is neither alphabetical nor by length.
    /// A fixed seed of its own, so the order does not depend on the corpus seed.
    /// </summary>
    private static IEnumerable<string> ContentOrder(IReadOnlyList<string> words)
    {
        var known = words.Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);
        var function = DutchWords.Function.ToHashSet(StringComparer.Ordinal);
        var domain = DutchWords.Domain.Where(known.Contains).ToList();
        var order = new Random(7);
        var rest = known.Where(w => !function.Contains(w) && !domain.Contains(w)).Order(StringComparer.Ordinal)
            .Select(w => (Word: w, Key: w.Length + order.NextDouble() * 8)).OrderBy(x => x.Key).Select(x => x.Word);
        return domain.Concat(rest);
    }
}
