using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;

using TrainingEval.Domain.Scoring;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Api;

/// <summary>
/// The REST API (<c>/api/v1</c>, OpenAPI at <c>/openapi/v1.json</c>) for HR, LMS and business systems. Every
/// endpoint requires the "ApiKey" scheme explicitly, so the dashboard's own sign-in never applies to it, and
/// every call is audited (who, method and path, status). It reuses the services behind the pages.
/// </summary>
public static partial class ApiEndpoints
{
    public const string StaffPolicy = "api-staff";
    public const string ReadersPolicy = "api-readers";

    public static IEndpointRouteBuilder MapTrainingEvalApi(this IEndpointRouteBuilder app)
    {
        // The document describes the API, holds no data, and is what a developer reads before having a key.
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api/v1").AddEndpointFilter(Translate).WithTags("TrainingEval");
        api.MapPost("/imports/{kind}", ImportAsync).RequireAuthorization(StaffPolicy)
            // The documented 50 MB (ImportFileReader.MaxBytes) instead of Kestrel's 30 MB default. The reader refuses a body
            // past MaxBytes itself (FileTooLarge, 413 as a problem document); the server's limit, a little above, only backs it up.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportFileReader.MaxBytes + 64 * 1024))
            .Produces<ImportResponse>()
            .Produces<ImportProblem>(StatusCodes.Status422UnprocessableEntity, ProblemMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .WithSummary("Import a CSV or XLSX file of one kind (see the kind parameter); all or nothing, upsert by natural key.")
            .WithDescription(KindsDescription);
        api.MapGet("/cohorts/{cohortCode}/records/{kind}", RecordsAsync).RequireAuthorization(ReadersPolicy)
            .Produces<RecordPage>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A cohort's records of one kind in the kind's import columns (re-importable as they are), oldest first; ?page=1&pageSize=500 (at most 5,000), ?format=csv for CSV.")
            .WithDescription(KindsDescription);
        api.MapGet("/cohorts/{cohortCode}/scores", CohortScoresAsync).RequireAuthorization(ReadersPolicy)
            .WithSummary("Per learner: employee_no, level scores, composite, coverage, tier, passed, rank (2 decimals); ?format=csv for CSV.");
        api.MapGet("/programs/{programCode}/history", ProgramHistoryAsync).RequireAuthorization(ReadersPolicy)
            .WithSummary("A program's runs: mean scores, pass rate, coverage, trend, profile versions.");
        api.MapGet("/learners/{employeeNo}/trajectory", TrajectoryAsync).RequireAuthorization(ReadersPolicy)
            .WithSummary("A learner's scores in every cohort, oldest first.");
        api.MapGet("/learners/{employeeNo}/health", HealthAsync).RequireAuthorization(ReadersPolicy)
            .WithSummary("A learner's weekly learning health index.");
        api.MapPut("/programs/{programCode}/profile", SaveProfileAsync).RequireAuthorization(StaffPolicy)
            .Accepts<ProfileRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Save a new version of a program's weight profile; 422 with the validator's messages.");
        // Anything else under /api is a problem document too, not the dashboard's sign-in redirect or HTML page.
        app.Map("/api/{**path}", (HttpRequest request) => Problem(404, "Not found",
                $"There is no endpoint {request.Method} {request.Path}; the endpoints are listed at /openapi/v1.json."))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async ValueTask<object?> Translate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (AccessDeniedException ex)
        {
            result = Problem(403, "Not allowed", ex.Message);
        }
        catch (RecordNotFoundException ex)
        {
            result = Problem(404, "Not found", ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            result = Problem(409, "Changed meanwhile", ex.Message);
        }
        catch (Exception ex) when (http.RequestServices.GetRequiredService<DatabaseWriteState>().Recognise(ex))
        {
            // Read-only mode (issue 19 item 10): the other system is told to come back, not that it sent something wrong.
            http.Response.Headers.RetryAfter = ReadOnlyRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            result = Problem(503, "Read-only", new DatabaseReadOnlyException().Message);
        }
        catch (BadHttpRequestException ex)
        {
            // The body could not be read (over the server's body limit, a broken chunked encoding, a client sending too
            // slowly): the client's fault, said as such, not a 500 in the error log.
            result = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge() : Problem(ex.StatusCode, "Bad request", $"The request body could not be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never an HTML error page for another system: a problem document, and the details in the log only.
            LogFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpoints)), ex, http.Request.Method, http.Request.Path);
            result = Problem(500, "The request failed", "The server could not complete the request; nothing was written. The error is in the server's log.");
        }
        // Written down by ApiCallAuditMiddleware with the status the client gets, like every /api call.
        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API call {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, PathString path);

    /// <summary>What a refused write's <c>Retry-After</c> says while the database cannot be written.</summary>
    public const int ReadOnlyRetryAfterSeconds = 60;

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public const string ProblemMediaType = "application/problem+json";

    private static readonly string KindsDescription =
        $"kind: {string.Join(", ", ImportSchema.Kinds.Select(k => k.Slug()))}. Columns of each kind: docs/import-formats.md (the templates on /import have them too).";

    private static async Task<IResult> RecordsAsync(string cohortCode, string kind, int? page, int? pageSize, string? format, ImportReadBack records, CancellationToken cancellationToken)
    {
        if (!ImportSchema.TryParseKind(kind, out var importKind))
            return Problem(404, "Unknown kind", $"There is no record kind '{kind}'; use {string.Join(", ", ImportSchema.Kinds.Select(k => k.Slug()))}.");
        var result = await records.ReadAsync(importKind, cohortCode, page ?? 1, pageSize ?? ImportReadBack.DefaultPageSize, cancellationToken);
        if (result is null)
            return Problem(404, "Not found", $"There is no cohort {cohortCode}.");
        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Ok(result);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Through CsvOutput like every CSV that leaves the app: a text cell a spreadsheet would run as a formula gets an apostrophe.
        using (var csv = CsvOutput.Create(text))
        {
            foreach (var column in result.Columns)
                csv.WriteSafeField(column);
            csv.NextRecord();
            foreach (var row in result.Rows)
            {
                foreach (var column in result.Columns)
                    csv.WriteSafeField(row[column]);
                csv.NextRecord();
            }
        }
        return TypedResults.Text(text.ToString(), ImportFormats.CsvMediaType + "; charset=utf-8");
    }

    private static async Task<IResult> ImportAsync(string kind, HttpRequest request, ImportService imports, CancellationToken cancellationToken)
    {
        if (!ImportSchema.TryParseKind(kind, out var importKind))
            return Problem(404, "Unknown kind", $"There is no import kind '{kind}'; use {string.Join(", ", ImportSchema.Kinds.Select(k => k.Slug()))}.");
        if (ImportFormats.FromMediaType(request.ContentType) is not { } format)
            return Problem(415, "Unsupported media type", $"Send the file as {ImportFormats.CsvMediaType} or {ImportFormats.XlsxMediaType}.");
        if (request.ContentLength > ImportFileReader.MaxBytes)
            return TooLarge();
        var result = await imports.ImportAsync(importKind, request.Body, format, "api", cancellationToken);
        if (result.Succeeded)
            return TypedResults.Ok(new ImportResponse(importKind.Slug(), result.RowsRead, result.Created, result.Updated, result.Unchanged, result.RecomputedCohorts, result.HealthIndexQueued));
        if (result.FileUnreadable && result.Errors[0].Code == ImportMessages.FileTooLarge)
            return TooLarge();
        var detail = result.FileUnreadable
            ? result.Errors[0].Message + " Nothing was written."
            : $"The file has {result.ErrorCount} errors (row, column, value and reason below{(result.ErrorCount > result.Errors.Count ? $", the first {result.Errors.Count}" : "")}); nothing was written.";
        return TypedResults.Json(new ImportProblem("about:blank", "The file was not imported", StatusCodes.Status422UnprocessableEntity, detail, result.ErrorCount, result.Errors),
            statusCode: StatusCodes.Status422UnprocessableEntity, contentType: ProblemMediaType);
    }

    private static ProblemHttpResult TooLarge() =>
        Problem(413, "File too large", $"The file is larger than {ImportFileReader.MaxBytes / (1024 * 1024)} MB; split it into several files. Nothing was written.");

    private static async Task<IResult> CohortScoresAsync(string cohortCode, string? format, CohortQueries cohorts, IRecordAccess access, CancellationToken cancellationToken)
    {
        var cohort = await cohorts.FindCohortAsync(cohortCode, cancellationToken);
        if (cohort is null)
            return Problem(404, "Not found", $"There is no cohort {cohortCode}.");
        await access.EnsureCanReadCohortAsync(cohort.Id, cancellationToken);
        var stored = await cohorts.LoadStoredScoresAsync(cohort.Id, cancellationToken);
        var set = stored.Scores;
        var rows = set.Learners.Select((l, i) =>
        {
            var s = set.Scores[i];
            // Spec section 9: coverage is always a number from 0 to 1, never empty (0 when nothing is measured).
            return new LearnerScoreRow(l.EmployeeNumber,
                LearnerScoreRow.Round(s.Reaction), LearnerScoreRow.Round(s.Learning), LearnerScoreRow.Round(s.Behavior), LearnerScoreRow.Round(s.Results),
                LearnerScoreRow.Round(s.Composite), ScoreRounding.ForExport(s.Coverage), LearnerScoreRow.TierCode(s.Tier), s.Passed, set.Ranks[i]);
        }).ToList();
        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Ok(new CohortScoresResponse(cohort.Code, set.ProfileVersion, ApiCohortStatus.Code(cohort.Status), cohort.ResultsAreProvisional, rows));
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvOutput.Create(text))
        {
            foreach (var h in LearnerScoreRow.CsvHeader)
                csv.WriteSafeField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row.CsvCells())
                    csv.WriteSafeField(cell);
                csv.NextRecord();
            }
        }
        return TypedResults.Text(text.ToString(), ImportFormats.CsvMediaType + "; charset=utf-8");
    }

    private static async Task<IResult> ProgramHistoryAsync(string programCode, ProgramQueries programs, CancellationToken cancellationToken)
    {
        var view = await programs.HistoryAsync(programCode, DashboardFilter.Empty, cancellationToken);
        if (view is null)
            return Problem(404, "Not found", $"There is no program {programCode}.");
        var runs = view.History.Cohorts.Select(c => new ProgramRunRow(c.RunOrder, c.CohortCode, c.StartDate, ApiCohortStatus.Code(c.Status), c.IsProvisional,
            c.ProfileVersion, c.ProfileVersionChanged,
            c.Summary.EnrollmentCount, c.Summary.CompositeCount, LearnerScoreRow.Round(c.Summary.MeanComposite), LearnerScoreRow.Round(c.Summary.PassRate),
            LearnerScoreRow.Round(c.Summary.MeanCoverage), LearnerScoreRow.Round(c.Trend))).ToList();
        return TypedResults.Ok(new ProgramHistoryResponse(view.Program.Code, view.Program.Name, view.Program.CurrentProfileVersion,
            LearnerScoreRow.Round(view.History.Trend?.Slope), view.History.LatestEnded?.CohortCode, runs));
    }

    private static async Task<IResult> TrajectoryAsync(string employeeNo, LearnerQueries learners, IRecordAccess access, CancellationToken cancellationToken)
    {
        var view = await learners.GetVerticalViewAsync(employeeNo, cancellationToken);
        if (view is null)
            return Problem(404, "Not found", $"There is no learner with employee number {employeeNo}.");
        await access.EnsureCanReadLearnerAsync(view.Learner.Id, cancellationToken);
        var rows = view.Cohorts.OrderBy(c => c.StartDate).Select(c => new TrajectoryRow(c.CohortCode, c.StartDate, c.EndDate, c.IsClosed,
            ApiCohortStatus.Code(c.CohortStatus), c.Status.ToString().ToLowerInvariant(), c.CohortResultsAreProvisional,
            LearnerScoreRow.Round(c.Reaction), LearnerScoreRow.Round(c.Learning), LearnerScoreRow.Round(c.Behavior), LearnerScoreRow.Round(c.Results),
            LearnerScoreRow.Round(c.Composite), LearnerScoreRow.Round(c.Coverage), LearnerScoreRow.TierCode(c.Tier), c.Passed, c.Rank, c.RankedCount)).ToList();
        return TypedResults.Ok(new TrajectoryResponse(view.Learner.EmployeeNumber, view.Learner.Name, rows));
    }

    private static async Task<IResult> HealthAsync(string employeeNo, LearnerQueries learners, IRecordAccess access, CancellationToken cancellationToken)
    {
        var view = await learners.GetVerticalViewAsync(employeeNo, cancellationToken);
        if (view is null)
            return Problem(404, "Not found", $"There is no learner with employee number {employeeNo}.");
        await access.EnsureCanReadLearnerAsync(view.Learner.Id, cancellationToken);
        return TypedResults.Ok(new HealthResponse(view.Learner.EmployeeNumber,
            view.Health.Select(h => new HealthRow(h.IsoYear, h.IsoWeek, h.WeekEnd, LearnerScoreRow.Round(h.Index))).ToList()));
    }

    private static async Task<IResult> SaveProfileAsync(string programCode, HttpRequest body, IDbContextFactory<TrainingDbContext> contexts,
        WeightProfileService profiles, IRecordAccess access, CancellationToken cancellationToken)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "weight profiles");
        // Read here rather than bound by the framework: its binding failure is a bare 400 that cannot say what is wrong
        // with the body, and a client fixing its JSON needs the position of the mistake.
        if (!body.HasJsonContentType())
            return Problem(415, "Unsupported media type", "Send the profile as application/json.");
        ProfileRequest? request;
        try
        {
            request = await body.ReadFromJsonAsync<ProfileRequest>(cancellationToken);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Problem(400, "Malformed JSON", $"The body is not a weight profile in JSON: {ex.Message}");
        }
        if (request is null)
            return Problem(400, "Malformed JSON", "The body is empty; send the weight profile as a JSON object.");
        int programId;
        int current;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var program = await db.Programs.AsNoTracking().Where(p => p.CodeKey == NaturalKey.Of(programCode))
                .Select(p => new { p.Id, p.CurrentProfileVersion }).FirstOrDefaultAsync(cancellationToken);
            if (program is null)
                return Problem(404, "Not found", $"There is no program {programCode}.");
            (programId, current) = (program.Id, program.CurrentProfileVersion);
        }
        try
        {
            var saved = await profiles.SaveAsync(programId, request.ToDomain(), request.BasedOnVersion ?? current, request.ChangeNote, cancellationToken);
            return TypedResults.Ok(new ProfileSavedResponse(programCode.Trim(), saved.Version));
        }
        catch (DataValidationException ex)
        {
            return TypedResults.UnprocessableEntity(new ValidationErrorsResponse(ex.Errors));
        }
    }
}
