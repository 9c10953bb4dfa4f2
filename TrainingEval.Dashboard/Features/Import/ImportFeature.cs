namespace TrainingEval.Dashboard.Features.Import;

public static class ImportFeature
{
    /// <summary>CSV/XLSX imports, for the import page and the REST API alike.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<ImportService>();
        services.AddScoped<ImportReadBack>();
        return services;
    }
}
