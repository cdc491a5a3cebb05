namespace KnowledgePlatform.Tests.Quality;

/// <summary>
/// Every kind of public page is valid HTML by the Nu HTML Checker: no errors. Warnings do not fail
/// the test but are written to its output, so they are seen.
/// </summary>
public sealed class ValidityTests(ValidatedPages pages) : IClassFixture<ValidatedPages>
{
    [Theory]
    [MemberData(nameof(PublicPages.Paths), MemberType = typeof(PublicPages))]
    public void Page_has_no_html_errors(string path)
    {
        var kind = PublicPages.At(path);
        var result = pages.For(path);
        Assert.Equal(kind.Status, result.Status);

        foreach (var message in result.Messages.Where(m => !m.IsError))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{kind}: {message}");
        }

        var errors = result.Messages.Where(m => m.IsError).ToList();
        Assert.True(errors.Count == 0, $"The Nu HTML Checker found {errors.Count} errors on the {kind} page:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void The_checker_reports_the_errors_of_a_broken_document()
    {
        // Guards the harness itself: messages lost between vnu's report and the pages would pass every page.
        Assert.Contains(pages.BrokenDocumentMessages, m => m.IsError && m.Message.Contains("title", StringComparison.Ordinal));
        Assert.Contains(pages.BrokenDocumentMessages, m => m.IsError && m.Message.Contains("“p”", StringComparison.Ordinal));
    }
}
