using KnowledgePlatform.Web.Site.Metadata;

namespace KnowledgePlatform.Tests.Site;

/// <summary>Editors write prices as Dutch free text; structured data may only claim what it says.</summary>
public sealed class PriceTextTests
{
    [Theory]
    [InlineData("€ 25", 25, 25)]
    [InlineData("€25,-", 25, 25)]
    [InlineData("€ 12,50 p.p.", 12.5, 12.5)]
    [InlineData("25 euro", 25, 25)]
    [InlineData("EUR 40", 40, 40)]
    [InlineData("€ 1.250,00", 1250, 1250)]
    [InlineData("Gratis", 0, 0)]
    [InlineData("Deelname is kosteloos", 0, 0)]
    [InlineData("Leden gratis, anderen € 35", 0, 35)]
    [InlineData("€ 50 voor leden, € 75 voor niet-leden", 50, 75)]
    public void Reads_amounts_next_to_a_euro_sign_or_word(string text, double low, double high)
    {
        Assert.Equal(new PriceRange((decimal)low, (decimal)high), PriceText.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Zie de website van de organisator")]
    [InlineData("Maximaal 30 deelnemers")]
    public void Claims_no_price_when_the_text_names_none(string? text)
    {
        Assert.Null(PriceText.Parse(text));
    }
}
