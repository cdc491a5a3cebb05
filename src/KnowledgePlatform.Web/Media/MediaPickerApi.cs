using KnowledgePlatform.Web.Areas.Admin;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// JSON for the back-office's pickers (the rich-text editor's "image from the library"): list and fetch,
/// under /beheer/api (BackOffice policy). Uploading goes through the library page's form.
/// </summary>
public static class MediaPickerApi
{
    public static IEndpointRouteBuilder MapMediaPickerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapBackOfficeApi();
        api.ExcludeFromDescription(); // the public OpenAPI document describes the delivery API only
        api.MapGet("/media", (Guid? folder, string? q, bool? images, int? page, ListMedia.Handler list, CancellationToken ct) =>
            list.HandleAsync(new ListMedia.Query(folder, q, images ?? true, page ?? 1), ct));
        api.MapGet("/media/{id:guid}", async (Guid id, ListMedia.Handler list, CancellationToken ct) =>
            await list.FindAsync(id, ct) is { } item ? Results.Ok(item) : Results.NotFound());
        api.MapGet("/media/folders", async (MediaFolders.Handler folders, CancellationToken ct) =>
            (await folders.ListAsync(ct)).Select(f => new { f.Id, f.Name }));
        return app;
    }
}
