using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgePlatform.Web.Site.Metadata;

/// <summary>The lowest and highest amount in euros an event's free-text price mentions.</summary>
public sealed record PriceRange(decimal Low, decimal High);

/// <summary>
/// Reads the editor's free text in <c>EventContent.Price</c>: "€ 25", "€25,-", "€ 12,50 p.p.",
/// "25 euro", "Gratis", "Leden gratis, anderen € 35". Only amounts next to a euro sign or the word
/// euro count, so "max. 30 deelnemers" is no price; text without any amount or "gratis" gives null
/// and no price is claimed.
/// </summary>
public static partial class PriceText
{
    public static PriceRange? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var amounts = Amount().Matches(text)
            .Select(m => ToDecimal(m.Groups["before"].Success ? m.Groups["before"].Value : m.Groups["after"].Value))
            .ToList();
        if (Free().IsMatch(text))
        {
            amounts.Add(0m);
        }

        return amounts.Count == 0 ? null : new PriceRange(amounts.Min(), amounts.Max());
    }

    /// <summary>Dutch notation: "1.250,50" and "12,50" and "25,-"; a lone "12.50" is read as a decimal point too.</summary>
    private static decimal ToDecimal(string number)
    {
        var n = number.TrimEnd('-', '–').TrimEnd(',');
        if (ThousandsWithDots().IsMatch(n))
        {
            n = n.Replace(".", "", StringComparison.Ordinal);
        }

        return decimal.Parse(n.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private const string Number = @"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?(?:,[-–])?";

    [GeneratedRegex(@"(?:€|\bEUR\b|\beuro\b)\s*(?<before>" + Number + @")|(?<after>" + Number + @")\s*(?:€|\bEUR\b|\beuro)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(gratis|kosteloos|kostenloos|geen kosten|free)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Free();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")]
    private static partial Regex ThousandsWithDots();
}
