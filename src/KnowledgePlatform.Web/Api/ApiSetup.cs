namespace KnowledgePlatform.Web.Api;

public static class ApiSetup
{
    public const string OpenApiPath = "/openapi/v1.json";

    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListContent.Handler>();
        builder.Services.AddScoped<GetContent.Handler>();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "KnowledgePlatform delivery API";
            document.Info.Description = "Alleen-lezen toegang tot gepubliceerde inhoud: bijeenkomsten, verslagen, artikelen, dossiers en nieuwsbrieven.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi(OpenApiPath);
        app.MapContentApi();
        app.MapSearchApi();
        app.MapSuggestApi();
        return app;
    }
}
