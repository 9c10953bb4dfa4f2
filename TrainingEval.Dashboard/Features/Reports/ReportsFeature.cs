namespace TrainingEval.Dashboard.Features.Reports;

public static class ReportsFeature
{
    /// <summary>The report queries, the ROI assumptions and promotion decisions, and the PDF/XLSX exports.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportIndexQueries>();
        services.AddScoped<DifferenceReportQueries>();
        services.AddScoped<RoiReportService>();
        services.AddScoped<EffectivenessReportQueries>();
        services.AddScoped<PromotionQueries>();
        services.AddScoped<Export.ReportDocumentBuilder>();
        services.AddScoped<ReportChartBuilder>();
        services.AddSingleton<Export.PdfReportRenderer>();
        return services;
    }
}
