namespace TrainingEval.Dashboard.Features.Import;

/// <summary>Serves the empty templates of the import page: <c>/import/templates/{kind}.{csv|xlsx}</c>.</summary>
public static class ImportTemplateEndpoints
{
    public static string Href(ImportKind kind, ImportFormat format) => $"import/templates/{kind.Slug()}{format.Extension()}";

    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/import/templates/{file}", (string file) =>
        {
            var kindText = Path.GetFileNameWithoutExtension(file);
            if (!ImportSchema.TryParseKind(kindText, out var kind) || ImportFormats.FromFileName(file) is not { } format)
                return Results.NotFound();
            return Results.File(ImportTemplates.Create(kind, format), format.MediaType(), ImportTemplates.FileName(kind, format));
        }).ExcludeFromDescription();
        return app;
    }
}
