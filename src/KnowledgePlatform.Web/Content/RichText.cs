namespace KnowledgePlatform.Web.Content;
// TEMPORARY until the sanitizer branch is merged.
public static class RichText
{
    public static string Sanitize(string? html) => html ?? "";
    public static string ToPlainText(string? html) => html ?? "";
}
