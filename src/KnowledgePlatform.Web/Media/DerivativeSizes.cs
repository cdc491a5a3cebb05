using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgePlatform.Web.Media.Imaging;

namespace KnowledgePlatform.Web.Media;

/// <summary>A derivative size: a width, and for crops a height.</summary>
public sealed record DerivativeSize(int Width, int? Height)
{
    /// <summary>As in URLs and file names: "640x" (width only) or "400x225" (crop).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}

/// <summary>
/// The only sizes rendered: what the site and the newsletter use. Anything else is a 404, so nobody can make
/// the server render (and store) arbitrary sizes.
/// </summary>
public static partial class DerivativeSizes
{
    /// <summary>Content images, responsive widths (srcset).</summary>
    public static readonly DerivativeSize[] Widths = [new(320, null), new(640, null), new(960, null), new(1280, null), new(1920, null)];

    /// <summary>Newsletter: the 600-pixel mail column and its double-density version.</summary>
    public static readonly DerivativeSize Newsletter = new(600, null);

    public static readonly DerivativeSize NewsletterDouble = new(1200, null);

    /// <summary>Cards (16:9), 1x and 2x.</summary>
    public static readonly DerivativeSize Card = new(400, 225);

    public static readonly DerivativeSize CardDouble = new(800, 450);

    /// <summary>Speaker photos (square), 1x and 2x.</summary>
    public static readonly DerivativeSize Portrait = new(240, 240);

    public static readonly DerivativeSize PortraitDouble = new(480, 480);

    /// <summary>Link previews (og:image).</summary>
    public static readonly DerivativeSize Social = new(1200, 630);

    public static readonly IReadOnlySet<DerivativeSize> Allowed =
        new HashSet<DerivativeSize>([.. Widths, Newsletter, NewsletterDouble, Card, CardDouble, Portrait, PortraitDouble, Social]);

    public static string Extension(this DerivativeFormat format) => format == DerivativeFormat.WebP ? "webp" : "jpg";

    public static string ContentType(this DerivativeFormat format) => format == DerivativeFormat.WebP ? "image/webp" : "image/jpeg";

    /// <summary>Parses "640x.webp" or "400x225.jpg"; true only for an allowed size.</summary>
    public static bool TryParse(string fileName, out DerivativeSize size, out DerivativeFormat format)
    {
        size = new DerivativeSize(0, null);
        format = DerivativeFormat.WebP;
        var match = NamePattern().Match(fileName);
        if (!match.Success || !int.TryParse(match.Groups["w"].Value, CultureInfo.InvariantCulture, out var width))
        {
            return false;
        }

        int? height = match.Groups["h"].Success && int.TryParse(match.Groups["h"].Value, CultureInfo.InvariantCulture, out var h) ? h : null;
        size = new DerivativeSize(width, height);
        format = match.Groups["ext"].Value == "webp" ? DerivativeFormat.WebP : DerivativeFormat.Jpeg;
        return Allowed.Contains(size);
    }

    /// <summary>Whether a name has the shape of a derivative (allowed or not), so originals never take such a name.</summary>
    public static bool LooksLikeDerivative(string fileName) => NamePattern().IsMatch(fileName);

    [GeneratedRegex(@"^(?<w>[0-9]{1,5})x(?<h>[0-9]{1,5})?\.(?<ext>webp|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
