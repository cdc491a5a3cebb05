using KnowledgePlatform.Web.Areas.Admin;
using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Antiforgery;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// JSON for the back-office's media dialog (the rich-text editor's images, attachment documents): list, fetch
/// and upload, under /beheer/api (BackOffice policy: every role may read the library and add to it).
/// </summary>
public static class MediaPickerApi
{
    public static IEndpointRouteBuilder MapMediaPickerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapBackOfficeApi();
        api.ExcludeFromDescription(); // the public OpenAPI document describes the delivery API only
        api.MapGet("/media", (Guid? folder, string? q, bool? images, bool? documents, int? page, ListMedia.Handler list, CancellationToken ct) =>
            list.HandleAsync(new ListMedia.Query(folder, q, images ?? (documents is not true), page ?? 1, documents ?? false), ct));
        api.MapGet("/media/{id:guid}", async (Guid id, ListMedia.Handler list, CancellationToken ct) =>
            await list.FindAsync(id, ct) is { } item ? Results.Ok(item) : Results.NotFound());
        api.MapGet("/media/folders", async (MediaFolders.Handler folders, CancellationToken ct) =>
            (await folders.ListAsync(ct)).Select(f => new { f.Id, f.Name }));
        // The antiforgery token is checked in the handler (the dialog sends it as a header), so the endpoint
        // needs no form binding of its own and no antiforgery middleware.
        api.MapPost("/media", UploadAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>multipart/form-data with <c>file</c> and (for images) <c>altText</c>: 201 with the new item, or 400 with Dutch messages.</summary>
    private static async Task<IResult> UploadAsync(HttpContext context, IAntiforgery antiforgery, UploadMedia.Handler upload, CancellationToken ct)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "De pagina is verlopen. Laad haar opnieuw en probeer het nog eens.");
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : null;
        if (form?.Files["file"] is not { Length: > 0 } file)
        {
            return Problem(new Dictionary<string, string[]> { ["file"] = ["Kies een bestand om toe te voegen."] });
        }

        try
        {
            await using var content = file.OpenReadStream();
            var item = await upload.HandleAsync(
                new UploadMedia.Command(content, file.FileName, form["altText"], null, context.User.Identity?.Name ?? "onbekend"), ct);
            return Results.Created($"/beheer/api/media/{item.Id}", ListMedia.Summarize(item));
        }
        catch (ValidationFailedException ex)
        {
            return Problem(ex.Errors);
        }
    }

    private static IResult Problem(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), title: "Het bestand is niet toegevoegd.");
}
