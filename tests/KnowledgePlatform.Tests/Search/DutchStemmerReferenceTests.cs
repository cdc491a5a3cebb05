using System.Text;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Tests.Search;

/// <summary>
/// The stemmer must agree with Snowball's own output for the classic Dutch stemmer on every
/// word of its reference vocabulary, which lives beside the clone in shared/ (not in git).
/// </summary>
public sealed class DutchStemmerReferenceTests
{
    [Fact]
    public void Every_reference_word_gets_the_reference_stem()
    {
        var (words, stems) = ReferenceData.Load();
        var mismatches = new List<string>();
        var failures = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var actual = DutchStemmer.Stem(words[i]);
            if (actual != stems[i] && ++failures <= 20)
            {
                mismatches.Add($"line {i + 1}: '{words[i]}' expected '{stems[i]}' actual '{actual}'");
            }
        }

        Assert.True(
            failures == 0,
            $"{failures} of {words.Length} words stem differently; the first {mismatches.Count}:\n"
            + string.Join('\n', mismatches));
    }

    [Fact]
    public void The_span_overload_stems_in_place_like_the_string_overload()
    {
        var (words, stems) = ReferenceData.Load();
        Span<char> buffer = stackalloc char[128];
        for (var i = 0; i < words.Length; i += 97)
        {
            var chars = buffer[..words[i].Length];
            words[i].AsSpan().CopyTo(chars);

            Assert.Equal(stems[i], new string(chars[..DutchStemmer.Stem(chars)]));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("yyyyyy")]
    [InlineData("iiiiiii")]
    [InlineData("eeeeeeeeeen")]
    public void Degenerate_words_do_not_throw(string word) =>
        Assert.True(DutchStemmer.Stem(word).Length <= word.Length);

    [Fact]
    public void A_word_longer_than_the_stack_buffer_is_stemmed_too() =>
        Assert.Equal(new string('k', 300) + "at", DutchStemmer.Stem(new string('k', 300) + "atten"));

    [Fact]
    public void An_unchanged_word_is_returned_without_a_copy()
    {
        const string word = "auto";

        Assert.Same(word, DutchStemmer.Stem(word));
    }
}

/// <summary>Snowball's reference pairs: voc.txt line i stems to output.txt line i.</summary>
internal static class ReferenceData
{
    private static readonly Lazy<(string[] Words, string[] Stems)> Pairs = new(Read);

    public static (string[] Words, string[] Stems) Load() => Pairs.Value;

    private static (string[] Words, string[] Stems) Read()
    {
        var root = Directory.GetParent(RepositoryRoot())?.FullName ?? "/";
        var folder = Path.Combine(root, "shared", "data", "snowball-dutch-porter");
        var voc = Path.Combine(folder, "voc.txt");
        var output = Path.Combine(folder, "output.txt");
        Assert.True(
            File.Exists(voc) && File.Exists(output),
            $"Snowball Dutch reference data is missing: expected voc.txt and output.txt in {folder} "
            + "(the shared/ folder that sits beside the clone).");
        var words = File.ReadAllLines(voc, Encoding.UTF8);
        var stems = File.ReadAllLines(output, Encoding.UTF8);
        Assert.True(words.Length == stems.Length, $"voc.txt has {words.Length} lines, output.txt {stems.Length}.");
        return (words, stems);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgePlatform.sln")))
            {
                return dir.FullName;
            }
        }

        Assert.Fail($"No KnowledgePlatform.sln above {AppContext.BaseDirectory}; cannot find the repository root.");
        return "";
    }
}
