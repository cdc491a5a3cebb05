using System.Text.Json;
using KnowledgePlatform.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>One axe-core rule broken on a page, with every element that breaks it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

/// <summary>An element axe flagged: its selector path (through frames or shadow roots) and why.</summary>
public sealed record AxeNode(string Target, string? FailureSummary);

/// <summary>Runs axe-core inside a page that Playwright has open.</summary>
public static class Axe
{
    /// <summary>WCAG 2.1 level A and AA, plus axe's best practices (landmarks, heading order, …).</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    // Returns plain data: axe's result objects hold DOM references that do not serialise.
    private const string RunScript = """
        async tags => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), failureSummary: n.failureSummary })),
          }));
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = TestTools.AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(RunScript, Tags);
        return result.Deserialize<List<AxeViolation>>(Json) ?? [];
    }

    /// <summary>Every violation as readable lines: rule, impact, help URL, then each element.</summary>
    public static string Describe(IEnumerable<AxeViolation> violations)
    {
        var lines = new List<string>();
        foreach (var v in violations)
        {
            lines.Add($"  {v.Id} ({v.Impact}): {v.Help} — {v.HelpUrl}");
            foreach (var node in v.Nodes)
            {
                var why = node.FailureSummary?.ReplaceLineEndings(" ").Trim();
                lines.Add($"    {node.Target}{(string.IsNullOrEmpty(why) ? "" : " — " + why)}");
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
