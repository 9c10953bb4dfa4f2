using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>What a file would import: its headers mapped to the kind's columns, its first rows and how many rows it has.</summary>
public sealed record ImportPreview(ImportKind Kind, ColumnMapping Mapping, IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> FirstRows, int RowsRead);

/// <summary>
/// The outcome of an import. With any error (<see cref="ErrorCount"/>) nothing was written; <see cref="Errors"/> lists
/// them by row (the first <see cref="ImportErrorList.MaxListed"/>). Otherwise the counts say what changed
/// (<see cref="Unchanged"/> rows matched a record by natural key and held the same values) and
/// <see cref="RecomputedCohorts"/> names the cohorts whose scores were recomputed.
/// </summary>
public sealed record ImportResult(
    ImportKind Kind,
    int RowsRead,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<string> RecomputedCohorts,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;

    /// <summary>The learning health index of the weeks the changed records fall in is being computed again (in the background).</summary>
    public bool HealthIndexQueued { get; init; }

    /// <summary>True when the whole file could not be read (row 0): too large, not UTF-8, not a workbook, empty.</summary>
    public bool FileUnreadable => Errors.Count == 1 && Errors[0].Row == 0;

    public static ImportResult Failed(ImportKind kind, int rowsRead, IReadOnlyList<ImportError> errors, int? errorCount = null) =>
        new(kind, rowsRead, 0, 0, 0, [], errors, errorCount ?? errors.Count);
}

/// <summary>What an import is doing, reported while it runs (the import page shows it once a file takes more than a second).</summary>
public enum ImportPhase
{
    Reading,
    Checking,
    Writing,
    Rescoring,
    Done,
}

/// <param name="RowsRead">Data rows read from the file so far.</param>
/// <param name="RowsChecked">Rows checked against the file and the database (all of them once <see cref="ImportPhase.Writing"/> starts).</param>
/// <param name="RowsWritten">Records written so far.</param>
/// <param name="CohortsRescored">Cohorts rescored so far, of <paramref name="CohortsToRescore"/>.</param>
public sealed record ImportProgress(ImportPhase Phase, int RowsRead, int RowsChecked, int RowsWritten, int CohortsRescored = 0, int CohortsToRescore = 0);

/// <summary>
/// Imports a CSV or XLSX file of one <see cref="ImportKind"/> — the same path for the import page, the REST API and
/// the OULAD converter. Reading (<see cref="ImportFileReader"/>) streams the file's rows; each kind's
/// <see cref="IImportKindHandler"/> turns them into compact typed rows, checks every one against the file and the
/// database (lookups in batches, <see cref="BatchedLookup"/>) and collects all errors; only a file without any error is
/// written, in one transaction, upserting by natural key. Then the cohorts whose scores depend on the change are
/// recomputed (which publishes to the open pages), and when the change touched what the learning health index reads
/// (sessions, attendance, assignments, submissions, results, interactions, enrollments) the weekly snapshots and alerts
/// of the weeks those cohorts ran in are queued for the background (<see cref="HealthRecomputes"/>).
/// </summary>
public sealed class ImportService(
    IDbContextFactory<TrainingDbContext> factory,
    CohortScoreService scores,
    HealthRecomputes health,
    TimeProvider clock,
    IRecordAccess access,
    IOptions<TrainingEvalOptions>? options = null)
{
    private readonly string _currency = ImportCurrency.Of(options);

    public const int PreviewRows = 10;

    /// <exception cref="ImportFileException">The file cannot be read.</exception>
    public async Task<ImportPreview> PreviewAsync(ImportKind kind, Stream file, ImportFormat format, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "imports");
        await using var table = await ImportFileReader.OpenAsync(file, format, cancellationToken);
        var mapping = ColumnMapping.Of(kind, table.Headers);
        var first = new List<ImportRow>(PreviewRows);
        await foreach (var row in table.ReadRowsAsync(cancellationToken))
        {
            if (first.Count < PreviewRows)
                first.Add(row);
        }
        return new ImportPreview(kind, mapping, table.Headers, first, table.RowsRead);
    }

    /// <param name="source">Where the data came from (the file name or "api"), stored with imported observations.</param>
    public Task<ImportResult> ImportAsync(ImportKind kind, Stream file, ImportFormat format, string source, CancellationToken cancellationToken = default) =>
        ImportAsync(kind, file, format, source, progress: null, cancellationToken);

    /// <param name="source">Where the data came from (the file name or "api"), stored with imported observations.</param>
    /// <param name="progress">Told what the import is doing as it goes; null when nobody watches.</param>
    public async Task<ImportResult> ImportAsync(ImportKind kind, Stream file, ImportFormat format, string source, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.Staff, "imports");
        ImportTable table;
        try
        {
            table = await ImportFileReader.OpenAsync(file, format, cancellationToken);
        }
        catch (ImportFileException ex)
        {
            return ImportResult.Failed(kind, 0, [FileError(ex)]);
        }
        await using (table)
        {
            try
            {
                return await ImportTableAsync(kind, table, source, user.Name, progress, cancellationToken);
            }
            catch (ImportFileException ex)
            {
                // The file broke part-way (a byte that is not UTF-8, too many rows): nothing was written.
                return ImportResult.Failed(kind, table.RowsRead, [FileError(ex)]);
            }
        }
    }

    private static ImportError FileError(ImportFileException ex) => new(0, "", null, ex.Code, ex.Arguments);

    /// <summary>
    /// Writes records the app's own pages collected (a program form, a pasted list of employee numbers) as rows of
    /// <paramref name="kind"/>: the same checks, upsert, audit, rescoring, health recompute and live notifications as an
    /// imported file — one set of rules. Cells are named by the kind's columns (<see cref="ImportSchema"/>); a column a row
    /// leaves out is an empty cell.
    /// </summary>
    /// <param name="guard">
    /// What the page's action adds to the import's rules, checked first inside the same transaction: a form that creates
    /// refuses a code that exists already, enrolling refuses someone enrolled already (an import would update them). Any
    /// error it returns refuses the write.
    /// </param>
    public async Task<ImportResult> WriteRowsAsync(ImportKind kind, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, string source,
        Func<TrainingDbContext, CancellationToken, Task<IReadOnlyList<ImportError>>>? guard = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var user = await access.EnsureInRoleAsync(Roles.Staff, "imports");
        var headers = ImportSchema.Columns(kind).Select(c => c.Name).ToList();
        var cells = rows.Select(r => (IReadOnlyList<string?>)[.. headers.Select(h => r.TryGetValue(h, out var v) ? v : null)]).ToList();
        await using var table = ImportTable.Of(headers, cells);
        return await ImportTableAsync(kind, table, source, user.Name, progress: null, cancellationToken, guard);
    }

    private async Task<ImportResult> ImportTableAsync(ImportKind kind, ImportTable table, string source, string importedBy, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken, Func<TrainingDbContext, CancellationToken, Task<IReadOnlyList<ImportError>>>? guard = null)
    {
        var mapping = ColumnMapping.Of(kind, table.Headers);
        if (mapping.Missing.Any(c => c.Required))
            return ImportResult.Failed(kind, 0, HeaderErrors(kind, mapping, table.Headers));

        var errors = new ImportErrorList();
        var handler = Handler(kind);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var context = new ImportContext(db, mapping, table, errors, Trim(source), clock.GetUtcNow().UtcDateTime, importedBy, progress);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (guard is not null && await guard(db, cancellationToken) is { Count: > 0 } refused)
            return ImportResult.Failed(kind, 0, refused);
        var outcome = await handler.ApplyAsync(context, cancellationToken);
        if (errors.Count > 0)
            return ImportResult.Failed(kind, table.RowsRead, errors.InRowOrder(), errors.Count);
        // Marked with the records, in their transaction: a crash before the rescore below leaves the mark for start-up.
        await PendingRecomputes.MarkAsync(db, outcome.CohortsToRecompute, outcome.HealthCohorts, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DataWriteException ex) when (ex is not DatabaseReadOnlyException)
        {
            // A rule only the database knows (e.g. someone else created the same code meanwhile): nothing was written.
            return ImportResult.Failed(kind, table.RowsRead, [new ImportError(0, "", null, ImportMessages.DatabaseRefused, [ex.Message])]);
        }
        await transaction.CommitAsync(cancellationToken);
        context.Report(ImportPhase.Writing, written: outcome.Created + outcome.Updated);

        var (recomputed, healthQueued) = await RecomputeAsync(db, outcome.CohortsToRecompute, outcome.HealthCohorts,
            (done, of) => context.Report(ImportPhase.Rescoring, rescored: done, toRescore: of), cancellationToken);
        context.Report(ImportPhase.Done, rescored: recomputed.Count, toRescore: recomputed.Count);
        return new ImportResult(kind, table.RowsRead, outcome.Created, outcome.Updated, outcome.Unchanged, recomputed, [], 0) { HealthIndexQueued = healthQueued };
    }

    /// <summary>
    /// What follows a committed write the import cannot express (a removal from one of the app's forms; the import never
    /// deletes), exactly as after an import: the write marked <paramref name="scoreCohorts"/> and <paramref name="healthCohorts"/>
    /// in its own transaction (<see cref="PendingRecomputes.MarkAsync"/>); their scores are recomputed now (with any an
    /// earlier write left marked), which publishes to the open pages, and their learning health index is queued.
    /// </summary>
    /// <returns>The codes of the cohorts rescored, and whether a health recompute was queued.</returns>
    public async Task<(IReadOnlyList<string> Rescored, bool HealthQueued)> RecomputeAsync(IReadOnlySet<int> scoreCohorts, IReadOnlySet<int>? healthCohorts,
        CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "imports");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await RecomputeAsync(db, scoreCohorts, healthCohorts, null, cancellationToken);
    }

    private async Task<(IReadOnlyList<string> Rescored, bool HealthQueued)> RecomputeAsync(TrainingDbContext db, IReadOnlySet<int> scoreCohorts, IReadOnlySet<int>? healthCohorts,
        Action<int, int>? rescoring, CancellationToken cancellationToken)
    {
        // Cohorts an earlier write marked and never recomputed (it crashed, or was killed) are recomputed with these.
        var (staleScores, staleHealth) = await PendingRecomputes.ListAsync(db, cancellationToken);
        var recomputed = new List<string>();
        var toRescore = scoreCohorts.Union(staleScores).Order().ToList();
        foreach (var cohortId in toRescore)
        {
            rescoring?.Invoke(recomputed.Count, toRescore.Count);
            await scores.RecomputeCohortAsync(cohortId, cancellationToken);
            recomputed.Add(await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Code).FirstAsync(cancellationToken));
        }
        // The weeks these records fall in are computed again in the background (HealthRecomputeWorker).
        var toQueue = (healthCohorts ?? new HashSet<int>()).Union(staleHealth).ToList();
        if (toQueue.Count > 0)
            health.Enqueue(toQueue);
        return (recomputed, toQueue.Count > 0);
    }

    /// <summary>
    /// The header's problems: a file whose columns are exactly another kind's (the wrong kind chosen, or the wrong file)
    /// is told so in one error; otherwise each missing required column is an error on row 1.
    /// </summary>
    private static List<ImportError> HeaderErrors(ImportKind kind, ColumnMapping mapping, IReadOnlyList<string> headers)
    {
        var fits = ImportSchema.Kinds.Where(k => k != kind && ColumnMapping.Of(k, headers) is { } other && other.Missing.All(c => !c.Required) && other.Found.Count > mapping.Found.Count)
            .OrderByDescending(k => ColumnMapping.Of(k, headers).Found.Count)
            .ToList();
        if (fits.Count > 0)
            return [new ImportError(1, "", null, ImportMessages.WrongKind, [fits[0].Slug(), kind.Slug()])];
        return [.. mapping.Missing.Where(c => c.Required).Select(c => new ImportError(1, c.Name, null, ImportMessages.MissingColumn, [c.Name]))];
    }

    private static string Trim(string source)
    {
        var text = string.IsNullOrWhiteSpace(source) ? "import" : "import: " + source.Trim();
        return text.Length <= Infrastructure.Persistence.Entities.StoredObservation.SourceMaxLength ? text : text[..Infrastructure.Persistence.Entities.StoredObservation.SourceMaxLength];
    }

    private IImportKindHandler Handler(ImportKind kind) => kind switch
    {
        ImportKind.Learners => new LearnerImport(),
        ImportKind.Programs => new ProgramImport(),
        ImportKind.Cohorts => new CohortImport(),
        ImportKind.Enrollments => new EnrollmentImport(),
        ImportKind.Observations => new ObservationImport(),
        ImportKind.Sessions => new SessionImport(),
        ImportKind.Attendance => new AttendanceImport(),
        ImportKind.Assignments => new AssignmentImport(),
        ImportKind.Submissions => new SubmissionImport(),
        ImportKind.Assessments => new AssessmentImport(),
        ImportKind.AssessmentResults => new ResultImport(),
        ImportKind.Surveys => new SurveyImport(),
        ImportKind.SurveyResponses => new ResponseImport(),
        ImportKind.Interactions => new InteractionImport(),
        ImportKind.ApplicationEvents => new ApplicationEventImport(),
        ImportKind.MentorRatings => new MentorRatingImport(),
        ImportKind.PerformanceReviews => new ReviewImport(),
        ImportKind.Kpis => new KpiImport(_currency),
        ImportKind.KpiMeasurements => new MeasurementImport(),
        ImportKind.CostItems => new CostItemImport(_currency),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Everything a kind's handler works with during one import.</summary>
internal sealed class ImportContext(TrainingDbContext db, ColumnMapping mapping, ImportTable table, ImportErrorList errors, string source, DateTime now, string importedBy,
    IProgress<ImportProgress>? progress)
{
    /// <summary>How often the reading phase reports (rows).</summary>
    private const int ReportEvery = 5_000;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private int _checked;
    private int _written;

    public TrainingDbContext Db { get; } = db;

    /// <summary>The user (or API key) importing, named as the author of what the import creates.</summary>
    public string ImportedBy { get; } = importedBy;
    public ImportErrorList Errors { get; } = errors;
    public string Source { get; } = source;
    public DateTime Now { get; } = now;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The file's data rows, read once as the handler goes (reported as read).</summary>
    public async IAsyncEnumerable<ImportRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.ReadRowsAsync(cancellationToken))
        {
            if (table.RowsRead % ReportEvery == 0)
                Report(ImportPhase.Reading);
            yield return row;
        }
        Report(ImportPhase.Checking);
    }

    public int RowsRead => table.RowsRead;

    public ImportCells Cells(ImportRow row) => new(mapping, row, Errors);

    /// <summary>An error found after reading, on a row the handler kept only as a typed record.</summary>
    public void Error(int row, string column, string? value, string code, params string[] arguments) =>
        Errors.Add(new ImportError(row, column, value, code, arguments));

    /// <summary>
    /// One shared instance per distinct text (cohort codes, employee numbers, indicators repeat on thousands of rows),
    /// so typed rows of a large file do not each hold their own copy.
    /// </summary>
    public string Pool(string text)
    {
        if (_pool.TryGetValue(text, out var shared))
            return shared;
        _pool[text] = text;
        return text;
    }

    /// <summary>Tells the watcher that every row has been checked.</summary>
    public void Checked()
    {
        _checked = table.RowsRead;
        Report(ImportPhase.Checking);
    }

    /// <param name="written">Records written so far; left out, the last count stands.</param>
    public void Report(ImportPhase phase, int? written = null, int rescored = 0, int toRescore = 0)
    {
        _written = Math.Max(_written, written ?? 0);
        progress?.Report(new ImportProgress(phase, table.RowsRead, phase >= ImportPhase.Writing ? table.RowsRead : _checked, _written, rescored, toRescore));
    }

    /// <summary>Remembers a natural key; records an error on a later row that repeats it.</summary>
    /// <param name="code">The duplicate message of the kind; its arguments are <paramref name="describe"/> then the first row.</param>
    public static bool FirstOccurrence<TKey>(Dictionary<TKey, int> seen, TKey key, ImportCells cells, string column, string code, params string[] describe) where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            cells.Error(column, code, [.. describe, first.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            return false;
        }
        seen[key] = cells.Row;
        return true;
    }

    /// <inheritdoc cref="FirstOccurrence{TKey}(Dictionary{TKey, int}, TKey, ImportCells, string, string, string[])"/>
    public bool FirstOccurrence<TKey>(Dictionary<TKey, int> seen, TKey key, int row, string column, string? value, string code, params string[] describe) where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            Error(row, column, value, code, [.. describe, first.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            return false;
        }
        seen[key] = row;
        return true;
    }
}

/// <summary>What a handler changed (before saving), which cohorts' scores depend on it and whose learning health index does.</summary>
internal sealed record ImportOutcome(int Created, int Updated, int Unchanged, IReadOnlySet<int> CohortsToRecompute, IReadOnlySet<int>? HealthCohorts = null)
{
    public static ImportOutcome Refused { get; } = new(0, 0, 0, new HashSet<int>());
}

/// <summary>Validates every row of one kind (adding to <see cref="ImportContext.Errors"/>) and, when all are valid, stages the changes on the context.</summary>
internal interface IImportKindHandler
{
    Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken);
}
