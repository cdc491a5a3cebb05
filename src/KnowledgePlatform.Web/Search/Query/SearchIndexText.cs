using System.Text;
using KnowledgePlatform.Web.Search.Analysis;

namespace KnowledgePlatform.Web.Search.Query;

/// <summary>
/// The analyzed form of a field as both engines index it: terms space-separated, stop words
/// dropped, each compound's parts in place and its joined form at the end ("het sociaal-domein
/// werkt" → "sociaal domein werkt sociaaldomein"). The parts stay next to their neighbours so
/// phrases match; the joined form is still found by "sociaaldomein" and "sociaal-domein".
/// Queries are analyzed the same way (<see cref="SearchQueryParser"/>), so stems always agree.
/// </summary>
public static class SearchIndexText
{
    public static string Analyze(params string?[] texts)
    {
        var inline = new StringBuilder();
        var joined = new StringBuilder();
        var tokens = new List<AnalyzedToken>();
        foreach (var text in texts)
        {
            tokens.Clear();
            DutchAnalyzer.Analyze(text, tokens);
            for (var t = 0; t < tokens.Count; t++)
            {
                var target = t + 1 < tokens.Count && tokens[t + 1].Position == tokens[t].Position ? joined : inline;
                target.Append(tokens[t].Term).Append(' ');
            }
        }

        return inline.Append(joined).ToString().TrimEnd();
    }
}
