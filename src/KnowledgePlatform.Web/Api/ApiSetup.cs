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
        }).AddOperationTransformer((operation, _, _) =>
        {
            // page, pageSize and upcoming are read as text so that "abc" gets a Dutch 400 (ContentApi,
            // SearchApi); the document says what they are.
            foreach (var parameter in (operation.Parameters ?? []).OfType<Microsoft.OpenApi.OpenApiParameter>()
                .Where(p => p.In == Microsoft.OpenApi.ParameterLocation.Query && p.Name is "page" or "pageSize" or "upcoming"))
            {
                parameter.Schema = parameter.Name == "upcoming"
                    ? new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Boolean }
                    : new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Integer, Format = "int32" };
            }

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
