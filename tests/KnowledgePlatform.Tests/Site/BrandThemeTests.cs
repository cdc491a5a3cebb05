using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Site;
using KnowledgePlatform.Web.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Site;

/// <summary>A platform restyles itself with a colour and a logo in its settings, never below AA contrast.</summary>
public sealed class BrandThemeTests(SqliteDemoFixture fixture) : IClassFixture<SqliteDemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#005a74", "#ffffff", 7.7)]
    [InlineData("#777777", "#ffffff", 4.5)]
    public void Contrast_follows_the_wcag_formula(string a, string b, double expected) =>
        Assert.Equal(expected, BrandTheme.Contrast(a, b), precision: 1);

    [Theory]
    [InlineData("#ffcc00", "contrast")]
    [InlineData("red", "geen kleur")]
    [InlineData("#005a74;}body{display:none", "geen kleur")]
    public void Unreadable_or_unsafe_colours_are_refused(string colour, string reason) =>
        Assert.Contains(reason, BrandTheme.Problem(colour, null), StringComparison.Ordinal);

    [Fact]
    public void A_logo_must_be_https_or_a_site_path() =>
        Assert.NotNull(BrandTheme.Problem(null, "javascript:alert(1)"));

    [Fact]
    public async Task Settings_with_a_colour_and_logo_restyle_every_page()
    {
        var root = RepoPaths.CopyOfUSync();
        var settings = Path.Combine(root, "settings", "site.json");
        var json = await File.ReadAllTextAsync(settings, Ct);
        await File.WriteAllTextAsync(settings, json.Replace("\"contactEmail\"", "\"brandColor\": \"#7a1f5c\",\n  \"logoUrl\": \"/logo-gemeente.svg\",\n  \"contactEmail\"", StringComparison.Ordinal), Ct);

        await fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct));
        var html = await Eventually.ValueAsync(async () =>
        {
            var page = await fixture.Factory.CreateClient().GetStringAsync("/agenda", Ct);
            Assert.Contains("--kp-brand:#7a1f5c", page, StringComparison.Ordinal);
            return page;
        });

        Assert.Contains("src=\"/logo-gemeente.svg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_low_contrast_colour_in_the_settings_file_is_reported_and_not_imported()
    {
        var root = RepoPaths.CopyOfUSync();
        var settings = Path.Combine(root, "settings", "site.json");
        var json = await File.ReadAllTextAsync(settings, Ct);
        await File.WriteAllTextAsync(settings, json.Replace("\"contactEmail\"", "\"brandColor\": \"#ffcc00\",\n  \"contactEmail\"", StringComparison.Ordinal), Ct);

        var error = await Assert.ThrowsAsync<SyncFailedException>(() =>
            fixture.Factory.InScopeAsync(sp => sp.GetRequiredService<ImportSync.Handler>().HandleAsync(root, Ct)));

        Assert.Contains("settings/site.json", Assert.Single(error.Problems).Path, StringComparison.Ordinal);
        var stored = await fixture.Factory.InScopeAsync(sp => SiteSettings.ReadAsync(PlatformFactory.Db(sp), Ct));
        Assert.NotEqual("#ffcc00", stored.BrandColor);
    }
}
