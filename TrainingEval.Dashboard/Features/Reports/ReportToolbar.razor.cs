namespace TrainingEval.Dashboard.Features.Reports;

// The logging source generator does not see Razor-generated code, so the message lives in this file.
public sealed partial class ReportToolbar
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Report export {File} failed")]
    private static partial void LogExportFailed(ILogger logger, Exception exception, string file);
}
