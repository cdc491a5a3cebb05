using System.Net;
using AngleSharp.Html.Parser;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>An editor at the edit form: fills fields and presses a button (a form handler), as a browser without JavaScript would.</summary>
public sealed class EditorSession(HttpClient client)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Client => client;

    /// <summary>Posts the edit form of <paramref name="editUrl"/> with these fields to the given handler (null: save draft).</summary>
    public Task<HttpResponseMessage> PressAsync(string editUrl, Dictionary<string, string> fields, string? handler = null)
    {
        var path = editUrl.Split('?')[0];
        var postTo = handler is null ? editUrl : $"{path}?handler={handler}";
        return BackOfficeUsers.PostFormAsync(client, editUrl, fields, postTo: postTo);
    }

    /// <summary>Creates an event through the form (save draft) and returns its key.</summary>
    public async Task<Guid> CreateEventAsync(Dictionary<string, string> fields, string? handler = null)
    {
        using var response = await PressAsync("/beheer/inhoud/bewerken?type=Event", fields, handler);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"save answered {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync(Ct))}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Dictionary<string, string> Event(string title, string date = "2031-05-14", string time = "14:00") => new()
    {
        ["Form.Title"] = title,
        ["Form.StartDate"] = date,
        ["Form.StartTime"] = time,
        ["Form.EndTime"] = "17:00",
        ["Form.VenueName"] = "Stadhuis",
        ["Form.VenueCity"] = "Utrecht",
        ["Form.Summary"] = "Een middag over wijkteams.",
        ["Form.Body"] = "<p>Welkom <script>alert(1)</script><strong>allemaal</strong>.</p>",
    };

    public static string Errors(string html) =>
        string.Join(" | ", new HtmlParser().ParseDocument(html).QuerySelectorAll(".kp-admin-errors li, .kp-field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

}
