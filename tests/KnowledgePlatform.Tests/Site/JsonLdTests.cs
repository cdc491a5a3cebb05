using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgePlatform.Web.Site.Metadata;

namespace KnowledgePlatform.Tests.Site;

public sealed class JsonLdTests
{
    [Fact]
    public void Script_text_has_no_markup_characters_and_still_means_the_same()
    {
        const string hostile = "</script><script>alert(1)</script><!-- & \u2028 ‘één’ +";
        var node = JsonLd.Thing("Article", ("headline", hostile));

        var json = JsonLd.ForScript(node);

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", json, StringComparison.Ordinal);
        Assert.Equal(hostile, JsonDocument.Parse(json).RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public void Empty_values_are_left_out()
    {
        var node = JsonLd.Thing("Event", ("name", "x"), ("description", JsonLd.Text("  ")), ("performer", new JsonArray()));

        Assert.Equal("""{"@type":"Event","name":"x"}""", JsonLd.ForScript(node));
    }
}
