using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>One raw value to store directly, for a learner (by employee number) in a cohort (by code).</summary>
public sealed record StoredObservationInput(string CohortCode, string EmployeeNumber, string IndicatorCode, double Value, double? Baseline = null, double? Target = null);

/// <summary>
/// Imports directly stored observations (data migrated from another system). All or nothing: every row
/// is checked first (cohort, learner, indicator of the cohort's profile, value in its allowed range) and
/// one transaction writes them with their audit lines; then the touched learners are rescored.
/// </summary>
public sealed class StoredObservationService(IDbContextFactory<TrainingDbContext> factory, CohortScoreService scores, TimeProvider clock, IRecordAccess access)
{
    /// <returns>The number of observations stored.</returns>
    /// <exception cref="DataValidationException">Any row is invalid; the messages name each row.</exception>
    public async Task<int> ImportAsync(IReadOnlyList<StoredObservationInput> rows, string source, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, "imports");
        ArgumentNullException.ThrowIfNull(rows);
        if (string.IsNullOrWhiteSpace(source) || source.Length > StoredObservation.SourceMaxLength)
            throw new DataValidationException($"Name the source of the data in 1–{StoredObservation.SourceMaxLength} characters.");

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohortCodes = rows.Select(r => r.CohortCode).Distinct().ToArray();
        var employeeNumbers = rows.Select(r => r.EmployeeNumber).Distinct().ToArray();
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => cohortCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var cohortIds = cohorts.Values.Select(c => c.Id).ToArray();
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => cohortIds.Contains(e.CohortId) && employeeNumbers.Contains(e.Learner!.EmployeeNumber))
            .Select(e => new { e.Id, e.CohortId, e.Learner!.EmployeeNumber })
            .ToListAsync(cancellationToken);
        var enrollmentOf = enrollments.ToDictionary(e => (e.CohortId, e.EmployeeNumber), e => e.Id);
        var profiles = new Dictionary<int, WeightProfile>();
        foreach (var cohort in cohorts.Values)
        {
            var version = cohort.ProfileVersionId is { } id
                ? await db.ProfileVersions.AsNoTracking().FirstAsync(v => v.Id == id, cancellationToken)
                : await db.ProfileVersions.AsNoTracking().Where(v => v.ProgramId == cohort.ProgramId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
            if (version is not null)
                profiles[cohort.Id] = version.ToDomain();
        }

        var errors = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        var touched = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"Row {i + 1} ({row.CohortCode}, {row.EmployeeNumber}, {row.IndicatorCode})");
            if (!cohorts.TryGetValue(row.CohortCode, out var cohort))
            {
                errors.Add($"{where}: there is no cohort {row.CohortCode}.");
                continue;
            }
            if (!enrollmentOf.TryGetValue((cohort.Id, row.EmployeeNumber), out var enrollmentId))
            {
                errors.Add($"{where}: employee {row.EmployeeNumber} is not enrolled in {row.CohortCode}.");
                continue;
            }
            var indicator = profiles.GetValueOrDefault(cohort.Id)?.Find(row.IndicatorCode);
            if (indicator is null)
            {
                errors.Add($"{where}: the weight profile of {row.CohortCode} has no indicator {row.IndicatorCode}.");
                continue;
            }
            if (Normalizer.Check(row.EmployeeNumber, indicator, new RawValue(row.Value, row.Baseline, row.Target)) is { } problem)
            {
                errors.Add($"{where}: {problem.Message}");
                continue;
            }
            db.StoredObservations.Add(new StoredObservation
            {
                EnrollmentId = enrollmentId,
                IndicatorCode = indicator.Code,
                Value = row.Value,
                Baseline = row.Baseline,
                Target = row.Target,
                Source = source.Trim(),
                RecordedAt = now,
            });
            if (!touched.TryGetValue(cohort.Id, out var set))
                touched[cohort.Id] = set = [];
            set.Add(enrollmentId);
        }
        if (errors.Count > 0)
            throw new DataValidationException(errors);

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (cohortId, ids) in touched)
            await scores.RecomputeLearnersAsync(cohortId, ids, cancellationToken);
        return rows.Count;
    }
}
