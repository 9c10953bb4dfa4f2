using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>What a file would import: its headers mapped to the kind's columns and its first rows.</summary>
public sealed record ImportPreview(ImportKind Kind, ColumnMapping Mapping, IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> FirstRows, int RowsRead);

/// <summary>
/// The outcome of an import. With any <see cref="Errors"/> nothing was written; otherwise the counts say what
/// changed (<see cref="Unchanged"/> rows matched a record by natural key and held the same values) and
/// <see cref="RecomputedCohorts"/> names the cohorts whose scores were recomputed.
/// </summary>
public sealed record ImportResult(
    ImportKind Kind,
    int RowsRead,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<string> RecomputedCohorts,
    IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Failed(ImportKind kind, int rowsRead, IReadOnlyList<ImportError> errors) => new(kind, rowsRead, 0, 0, 0, [], errors);
}

/// <summary>
/// Imports a CSV or XLSX file of one <see cref="ImportKind"/> — the same path for the import page, the REST
/// API and the OULAD converter. Reading (<see cref="ImportFileReader"/>) produces text cells; each kind's
/// <see cref="IImportKindHandler"/> checks every row against the file and the database and collects all
/// errors; only a file without any error is written, in one transaction, upserting by natural key. Then the
/// cohorts whose scores depend on the change are recomputed (which publishes to the open pages).
/// </summary>
public sealed class ImportService(
    IDbContextFactory<TrainingDbContext> factory,
    CohortScoreService scores,
    TimeProvider clock,
    IRecordAccess access)
{
    public const int PreviewRows = 10;

    public async Task<ImportPreview> PreviewAsync(ImportKind kind, Stream file, ImportFormat format, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "imports");
        var table = await ImportFileReader.ReadAsync(file, format, cancellationToken);
        var mapping = ColumnMapping.Of(kind, table.Headers);
        return new ImportPreview(kind, mapping, table.Headers, table.Rows.Take(PreviewRows).ToList(), table.Rows.Count);
    }

    /// <param name="source">Where the data came from (the file name or "api"), stored with imported observations.</param>
    public async Task<ImportResult> ImportAsync(ImportKind kind, Stream file, ImportFormat format, string source, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.Staff, "imports");
        ImportTable table;
        try
        {
            table = await ImportFileReader.ReadAsync(file, format, cancellationToken);
        }
        catch (ImportFileException ex)
        {
            return ImportResult.Failed(kind, 0, [new ImportError(0, "", null, ex.Code, ex.Arguments)]);
        }
        return await ImportTableAsync(kind, table, source, user.Name, cancellationToken);
    }

    private async Task<ImportResult> ImportTableAsync(ImportKind kind, ImportTable table, string source, string importedBy, CancellationToken cancellationToken)
    {
        var mapping = ColumnMapping.Of(kind, table.Headers);
        if (mapping.Missing.Any(c => c.Required))
        {
            var missing = mapping.Missing.Where(c => c.Required)
                .Select(c => new ImportError(1, c.Name, null, ImportMessages.MissingColumn, [c.Name]))
                .ToList();
            return ImportResult.Failed(kind, table.Rows.Count, missing);
        }

        var errors = new List<ImportError>();
        var handler = Handler(kind);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var context = new ImportContext(db, mapping, table.Rows, errors, Trim(source), clock.GetUtcNow().UtcDateTime, importedBy);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await handler.ApplyAsync(context, cancellationToken);
        if (errors.Count > 0)
            return ImportResult.Failed(kind, table.Rows.Count, errors.OrderBy(e => e.Row).ToList());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DataWriteException ex)
        {
            // A rule only the database knows (e.g. someone else created the same code meanwhile): nothing was written.
            return ImportResult.Failed(kind, table.Rows.Count, [new ImportError(0, "", null, ImportMessages.DatabaseRefused, [ex.Message])]);
        }
        await transaction.CommitAsync(cancellationToken);

        var recomputed = new List<string>();
        foreach (var cohortId in outcome.CohortsToRecompute.Order())
        {
            await scores.RecomputeCohortAsync(cohortId, cancellationToken);
            recomputed.Add(await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Code).FirstAsync(cancellationToken));
        }
        return new ImportResult(kind, table.Rows.Count, outcome.Created, outcome.Updated, outcome.Unchanged, recomputed, []);
    }

    private static string Trim(string source)
    {
        var text = string.IsNullOrWhiteSpace(source) ? "import" : "import: " + source.Trim();
        return text.Length <= Infrastructure.Persistence.Entities.StoredObservation.SourceMaxLength ? text : text[..Infrastructure.Persistence.Entities.StoredObservation.SourceMaxLength];
    }

    private static IImportKindHandler Handler(ImportKind kind) => kind switch
    {
        ImportKind.Learners => new LearnerImport(),
        ImportKind.Programs => new ProgramImport(),
        ImportKind.Cohorts => new CohortImport(),
        ImportKind.Enrollments => new EnrollmentImport(),
        ImportKind.Observations => new ObservationImport(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Everything a kind's handler works with during one import.</summary>
internal sealed class ImportContext(TrainingDbContext db, ColumnMapping mapping, IReadOnlyList<ImportRow> rows, List<ImportError> errors, string source, DateTime now, string importedBy)
{
    public TrainingDbContext Db { get; } = db;

    /// <summary>The user (or API key) importing, named as the author of what the import creates.</summary>
    public string ImportedBy { get; } = importedBy;
    public IReadOnlyList<ImportRow> Rows { get; } = rows;
    public List<ImportError> Errors { get; } = errors;
    public string Source { get; } = source;
    public DateTime Now { get; } = now;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public ImportCells Cells(ImportRow row) => new(mapping, row, Errors);

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
}

/// <summary>What a handler changed (before saving) and which cohorts' scores depend on it.</summary>
internal sealed record ImportOutcome(int Created, int Updated, int Unchanged, IReadOnlySet<int> CohortsToRecompute);

/// <summary>Validates every row of one kind (adding to <see cref="ImportContext.Errors"/>) and, when all are valid, stages the changes on the context.</summary>
internal interface IImportKindHandler
{
    Task<ImportOutcome> ApplyAsync(ImportContext import, CancellationToken cancellationToken);
}
