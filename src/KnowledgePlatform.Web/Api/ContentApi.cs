using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgePlatform.Web.Api;

/// <summary>The read-only delivery API for published content under /api/v1.</summary>
public static class ContentApi
{
    private const string InvalidTitle = "De vraag bevat ongeldige parameters.";

    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/content").WithTags("Content");
        api.MapGet("/", ListAsync).WithName("ListContent")
            .WithSummary("Gepubliceerde inhoud, gefilterd en gepagineerd.")
            .Produces<ContentPage>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        api.MapGet("/{key:guid}", GetByKeyAsync).WithName("GetContentByKey")
            .WithSummary("Eén gepubliceerd item op sleutel.")
            .Produces<ContentDetail>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{type}/{slug}", GetBySlugAsync).WithName("GetContentBySlug")
            .WithSummary("Eén gepubliceerd item op type en slug.")
            .Produces<ContentDetail>().Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return routes;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        ListContent.Handler handler,
        [FromQuery] string[]? type,
        [FromQuery] string[]? theme,
        [FromQuery] string[]? region,
        [FromQuery] string? speaker,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? sort,
        // Text, not int?: a value that is no number gets the same Dutch 400 as one out of range
        // instead of the framework's bare binding failure (the OpenAPI document still says integer).
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        CancellationToken ct)
    {
        var (query, errors) = ContentListQuery.Parse(type, theme, region, speaker, from, to, sort, page, pageSize);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: InvalidTitle);
        }

        var (result, problems) = await handler.HandleAsync(query, ct);
        if (result is null)
        {
            return TypedResults.ValidationProblem(problems, title: InvalidTitle);
        }

        var etag = ETags.For(result.Items.Select(i => $"{i.Key}:{i.PublishedAt:O}:{i.Title}").Prepend($"{result.Total}:{context.Request.QueryString}"));
        return ETags.NotModified(context, etag) ?? TypedResults.Ok(result);
    }

    private static async Task<IResult> GetByKeyAsync(HttpContext context, GetContent.Handler handler, Guid key, CancellationToken ct)
    {
        var (detail, item) = await handler.ByKeyAsync(key, ct);
        return Answer(context, detail, item);
    }

    private static async Task<IResult> GetBySlugAsync(HttpContext context, GetContent.Handler handler, string type, string slug, CancellationToken ct)
    {
        if (!Enum.TryParse<ContentType>(type, ignoreCase: true, out var contentType) || !Enum.IsDefined(contentType) || int.TryParse(type, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["type"] = [$"Onbekend type '{type}'."] }, title: InvalidTitle);
        }

        var (detail, item) = await handler.BySlugAsync(contentType, slug, ct);
        return Answer(context, detail, item);
    }

    private static IResult Answer(HttpContext context, ContentDetail? detail, ContentItem? item)
    {
        if (detail is null || item is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.",
                detail: "Er is geen gepubliceerd item met deze sleutel of slug.");
        }

        var etag = ETags.For(new[] { item.Key.ToString(), $"{item.LiveVersion}", item.UpdatedUtc.ToString("O") }
            .Concat(detail.Related.Select(r => $"{r.Key}:{r.PublishedAt:O}")));
        return ETags.NotModified(context, etag) ?? TypedResults.Ok(detail);
    }
}
