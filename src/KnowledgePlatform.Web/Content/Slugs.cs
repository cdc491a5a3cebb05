using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgePlatform.Web.Content;

/// <summary>URL slugs: lower-case ASCII words joined by hyphens, as readers type them.</summary>
public static partial class Slugs
{
    public const int MaxLength = 120;

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && SlugPattern().IsMatch(slug);

    /// <summary>"Sturing & control: 100.000+ gemeenten" → "sturing-control-100-000-gemeenten".</summary>
    public static string From(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
            }
        }

        var slug = HyphenRuns().Replace(folded.ToString(), "-").Trim('-');
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex HyphenRuns();
}
