using System.Net;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>
/// Every page kind fetched from the demo site over HTTP and checked by the Nu HTML Checker in one
/// Java run, once for the whole class; each test then reads the result for its page.
/// </summary>
public sealed class ValidatedPages : IAsyncLifetime
{
    private readonly DemoSiteOverHttp site = new();
    private Dictionary<string, Result> results = [];

    public sealed record Result(HttpStatusCode Status, IReadOnlyList<NuMessage> Messages);

    public Result For(string path) => results[path];

    /// <summary>A document with a known error: a div inside a p, and no title.</summary>
    public const string BrokenDocument = "<!DOCTYPE html><html lang=\"nl\"><head></head><body><p><div>x</div></p></body></html>";

    public IReadOnlyList<NuMessage> BrokenDocumentMessages { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await site.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        using var client = site.CreateClient();
        var pages = await Task.WhenAll(PublicPages.All.Select(async kind =>
        {
            using var response = await client.GetAsync(new Uri(kind.Path, UriKind.Relative), ct);
            return (kind.Path, response.StatusCode, Html: await response.Content.ReadAsStringAsync(ct));
        }));

        // The broken document rides along in the same run, to prove that errors are reported.
        var messages = await NuHtmlChecker.CheckAsync([.. pages.Select(p => p.Html), BrokenDocument], ct);
        results = pages.Zip(messages).ToDictionary(p => p.First.Path, p => new Result(p.First.StatusCode, p.Second));
        BrokenDocumentMessages = messages[^1];
    }

    public ValueTask DisposeAsync() => site.DisposeAsync();
}
