using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// A platform's own colour and logo from its settings (uSync/settings/site.json), applied through
/// the theme's CSS custom properties, so no template or stylesheet changes. A colour that would
/// make white text or links unreadable is refused rather than shipped.
/// </summary>
public static partial class BrandTheme
{
    /// <summary>White text on the brand colour, and brand-coloured links on the light surface (#f3f6f8).</summary>
    public const double MinimumContrast = 4.5;

    public static string? Problem(string? brandColor, string? logoUrl)
    {
        if (brandColor is not null)
        {
            if (!HexColour().IsMatch(brandColor))
            {
                return $"brandColor '{brandColor}' is geen kleur als #005a74";
            }

            var contrast = Math.Min(Contrast(brandColor, "#ffffff"), Contrast(brandColor, "#f3f6f8"));
            if (contrast < MinimumContrast)
            {
                return $"brandColor {brandColor} heeft te weinig contrast met wit ({contrast:F1}:1, minstens {MinimumContrast}:1 nodig)";
            }
        }

        return logoUrl is null || IsSafeUrl(logoUrl) ? null : $"logoUrl '{logoUrl}' moet met https:// of / beginnen";
    }

    /// <summary>The CSS for the page head, or null when the default theme applies (or the value is unsafe).</summary>
    public static string? Css(string? brandColor) =>
        brandColor is not null && HexColour().IsMatch(brandColor)
            ? $":root,.kp-theme{{--kp-brand:{brandColor};--kp-link:{brandColor};--kp-heading:{brandColor}}}"
            : null;

    public static bool IsSafeUrl(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>WCAG 2.x contrast ratio of two #rrggbb colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
