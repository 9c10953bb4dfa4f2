using TrainingEval.Dashboard.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>
/// Closes a cohort: records the profile version current at that moment (its official scores use it from
/// then on, whatever later versions say) and rescores it with that version. The cohort's revision guards
/// against two people closing or editing it at once.
/// </summary>
/// <remarks>Closing also writes the cohort's promotion suggestions to HR through the outbox, in the close's transaction.</remarks>
public sealed class CohortLifecycleService(IDbContextFactory<TrainingDbContext> factory, CohortScoreService scores, TimeProvider clock, IRecordAccess access,
    Notifications.Delivery.OutboxWriter? outbox = null)
{
    /// <param name="expectedRevision">The cohort's <see cref="Cohort.Revision"/> when the user opened it.</param>
    /// <exception cref="ConcurrencyConflictException">The cohort changed since it was read.</exception>
    public async Task<Cohort> CloseAsync(int cohortId, int expectedRevision, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"cohort {cohortId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohort = await db.Cohorts.FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken)
            ?? throw new RecordNotFoundException("cohort", cohortId);
        if (cohort.IsClosed)
            throw new DataValidationException($"Cohort {cohort.Code} is already closed.");
        // Closing freezes the version current now (spec section 3).
        var version = await ProfileResolver.CurrentAsync(db, cohort.ProgramId, cancellationToken)
            ?? throw new DataValidationException($"The program of cohort {cohort.Code} has no weight profile; save one before closing the cohort.");

        // The user's revision becomes the expected original value, so EF's concurrency check compares against it.
        db.Entry(cohort).Property(c => c.Revision).OriginalValue = expectedRevision;
        cohort.ClosedAt = clock.GetUtcNow().UtcDateTime;
        cohort.ProfileVersionId = version.Id;
        if (outbox is not null)
        {
            // From the stored scores: the close keeps the version they were scored with unless a newer one was saved unscored.
            var promoted = (await Reports.PromotionQueries.ComputeAsync(db, cancellationToken)).Where(p => p.CohortId == cohort.Id)
                .Select(p => new Notifications.Delivery.PromotionLine(p.Person.EmployeeNumber, p.Person.Name, p.Person.NameEn, p.Evidence.Composite)).ToList();
            await outbox.AddForClosedCohortAsync(db, cohort, promoted, cohort.ClosedAt.Value, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);

        await scores.RecomputeCohortAsync(cohortId, cancellationToken);
        return cohort;
    }
}
