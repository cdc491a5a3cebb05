namespace KnowledgePlatform.Web.Corpus;

/// <summary>
/// Dutch-looking text from a word list with a Zipf-like distribution, so a generated corpus has
/// very common, mid-frequency and rare words, as real text does. Deterministic for a seed.
/// </summary>
public sealed class DutchText(IReadOnlyList<string> words, Random random)
{
    // Cumulative weights 1/rank^1.1 over the word list (in shuffled order, so the common words
    // are spread over the alphabet, not all starting with "a").
    private readonly double[] cumulative = Cumulative(words.Count);
    private readonly int[] order = Shuffled(words.Count, new Random(7));

    public Random Random { get; } = random;

    public string Word()
    {
        var x = Random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        return words[order[index < 0 ? ~index : index]];
    }

    public string Words(int min, int max) => string.Join(' ', Enumerable.Range(0, Random.Next(min, max + 1)).Select(_ => Word()));

    public string Sentence(int min = 6, int max = 18)
    {
        var text = Words(min, max);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    public string Title() => Capitalise(Words(3, 8));

    public string Paragraphs(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => "<p>" + string.Join(' ', Enumerable.Range(0, Random.Next(3, 7)).Select(_ => Sentence())) + "</p>"));

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static double[] Cumulative(int n)
    {
        var result = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, 1.1);
            result[i] = sum;
        }

        return result;
    }

    private static int[] Shuffled(int n, Random random)
    {
        var result = Enumerable.Range(0, n).ToArray();
        random.Shuffle(result);
        return result;
    }
}
