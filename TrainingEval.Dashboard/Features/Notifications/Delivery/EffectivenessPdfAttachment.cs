using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Features.Reports.Export;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>
/// Renders <c>effectiveness-pdf:{cohortCode}</c> with the report page's own query and PDF builder, in the recipient's
/// language, as the system (subscribers are executives, HR analysts and admins, who read every cohort anyway). The
/// server has no browser, so the PDF carries the report's tables without its two charts.
/// </summary>
public sealed class EffectivenessPdfAttachment(IServiceScopeFactory scopes) : IAttachmentRenderer
{
    public async Task<MessageAttachment> RenderAsync(string reference, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var parts = reference.Split(':', 2);
        if (parts.Length != 2 || parts[0] != Attachments.EffectivenessPdf)
            throw new PermanentDeliveryException($"Unknown attachment \"{reference}\".");
        await using var scope = scopes.CreateAsyncScope();
        using var language = new CultureScope(culture);
        var cohort = await scope.ServiceProvider.GetRequiredService<CohortQueries>().FindCohortAsync(parts[1], cancellationToken)
            ?? throw new PermanentDeliveryException($"Cohort {parts[1]} no longer exists.");
        var report = await scope.ServiceProvider.GetRequiredService<EffectivenessReportQueries>().LoadAsync(cohort, cancellationToken);
        var document = scope.ServiceProvider.GetRequiredService<ReportDocumentBuilder>().Effectiveness(report, new Dictionary<string, byte[]>());
        var pdf = scope.ServiceProvider.GetRequiredService<PdfReportRenderer>().Render(document);
        return new MessageAttachment($"{cohort.Code}-effectiveness-{culture}.pdf", "application/pdf", pdf);
    }
}
