using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Features.Demo;

/// <summary>
/// Writes a <see cref="DemoCompany"/> into an empty database in one transaction: a failed seed leaves
/// the database empty, so the next start tries again. Because the database is empty the seeder numbers
/// every row itself (1, 2, 3 … per table) and writes them with <see cref="BulkInsert"/> — change
/// tracking tens of thousands of rows would take most of the start-up budget. On a provider with
/// identity sequences (PostgreSQL) the sequences must be moved past these keys after seeding.
/// </summary>
public sealed class DemoCompanySeeder(IDbContextFactory<TrainingDbContext> factory)
{
    /// <summary>True when the database holds no programs and no learners.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return !await db.Programs.AnyAsync(cancellationToken) && !await db.Learners.AnyAsync(cancellationToken);
    }

    /// <returns>How long the write took.</returns>
    public async Task<TimeSpan> SeedAsync(DemoCompany company, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        var watch = Stopwatch.StartNew();
        AssignKeys(company);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Parents before children, so foreign keys hold at every step.
        await Insert(company.Departments);
        await Insert(company.Mentors);
        await Insert(company.Learners);
        await Insert(company.Programs);
        // Profile versions carry their indicators as an owned JSON document: written through EF.
        foreach (var version in company.ProfileVersions)
            version.Program = null;
        db.AuditingEnabled = false;
        db.ProfileVersions.AddRange(company.ProfileVersions);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await Insert(company.Kpis);
        await Insert(company.Cohorts);
        await Insert(company.CohortMentors);
        await Insert(company.Enrollments);
        await Insert(company.Sessions);
        await Insert(company.Assignments);
        await Insert(company.Assessments);
        await Insert(company.Surveys);
        await Insert(company.CostItems);
        await Insert(company.Attendance);
        await Insert(company.Submissions);
        await Insert(company.Results);
        await Insert(company.SurveyResponses);
        await Insert(company.Interactions);
        await Insert(company.MentorRatings);
        await Insert(company.ApplicationEvents);
        await Insert(company.PerformanceReviews);
        await Insert(company.KpiMeasurements);
        await Insert(company.StoredObservations);

        db.AuditingEnabled = true;
        db.AddAudit("DemoCompany", company.Spec.Seed.ToString(CultureInfo.InvariantCulture), AuditAction.Added, null, null,
            string.Create(CultureInfo.InvariantCulture,
                $"Demo company generated for {company.Spec.Today:yyyy-MM-dd}: {company.Learners.Count} employees, {company.Programs.Count} programs, {company.Cohorts.Count} cohorts, {company.RecordCount} records"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return watch.Elapsed;

        Task Insert<T>(List<T> rows) where T : class => BulkInsert.InsertAsync(db, rows, withKeys: true, cancellationToken);
    }

    /// <summary>Numbers every row and copies each navigation's key into its foreign key.</summary>
    private static void AssignKeys(DemoCompany c)
    {
        Number(c.Departments, (x, id) => x.Id = id);
        Number(c.Mentors, (x, id) => x.Id = id);
        Number(c.Learners, (x, id) => x.Id = id);
        Number(c.Programs, (x, id) => x.Id = id);
        Number(c.ProfileVersions, (x, id) => x.Id = id);
        Number(c.Kpis, (x, id) => x.Id = id);
        Number(c.Cohorts, (x, id) => x.Id = id);
        Number(c.Enrollments, (x, id) => x.Id = id);
        Number(c.Sessions, (x, id) => x.Id = id);
        Number(c.Assignments, (x, id) => x.Id = id);
        Number(c.Assessments, (x, id) => x.Id = id);
        Number(c.Surveys, (x, id) => x.Id = id);
        Number(c.CostItems, (x, id) => x.Id = id);
        Number(c.Attendance, (x, id) => x.Id = id);
        Number(c.Submissions, (x, id) => x.Id = id);
        Number(c.Results, (x, id) => x.Id = id);
        Number(c.SurveyResponses, (x, id) => x.Id = id);
        Number(c.Interactions, (x, id) => x.Id = id);
        Number(c.MentorRatings, (x, id) => x.Id = id);
        Number(c.ApplicationEvents, (x, id) => x.Id = id);
        Number(c.PerformanceReviews, (x, id) => x.Id = id);
        Number(c.KpiMeasurements, (x, id) => x.Id = id);
        Number(c.StoredObservations, (x, id) => x.Id = id);

        foreach (var x in c.Mentors) x.DepartmentId = x.Department!.Id;
        foreach (var x in c.Learners)
        {
            x.DepartmentId = x.Department!.Id;
            x.MentorId = x.Mentor?.Id;
        }
        foreach (var x in c.ProfileVersions) x.ProgramId = x.Program!.Id;
        foreach (var x in c.Kpis) x.ProgramId = x.Program!.Id;
        foreach (var x in c.Cohorts)
        {
            x.ProgramId = x.Program!.Id;
            x.ProfileVersionId = x.ProfileVersion?.Id;
        }
        foreach (var x in c.CohortMentors)
        {
            x.CohortId = x.Cohort!.Id;
            x.MentorId = x.Mentor!.Id;
        }
        foreach (var x in c.Enrollments)
        {
            x.CohortId = x.Cohort!.Id;
            x.LearnerId = x.Learner!.Id;
            x.MentorId = x.Mentor?.Id;
        }
        foreach (var x in c.Sessions) x.CohortId = x.Cohort!.Id;
        foreach (var x in c.Assignments) x.CohortId = x.Cohort!.Id;
        foreach (var x in c.Assessments) x.CohortId = x.Cohort!.Id;
        foreach (var x in c.Surveys) x.CohortId = x.Cohort!.Id;
        foreach (var x in c.CostItems)
        {
            x.ProgramId = x.Program!.Id;
            x.CohortId = x.Cohort?.Id;
        }
        foreach (var x in c.Attendance)
        {
            x.SessionId = x.Session!.Id;
            x.EnrollmentId = x.Enrollment!.Id;
        }
        foreach (var x in c.Submissions)
        {
            x.AssignmentId = x.Assignment!.Id;
            x.EnrollmentId = x.Enrollment!.Id;
        }
        foreach (var x in c.Results)
        {
            x.AssessmentId = x.Assessment!.Id;
            x.EnrollmentId = x.Enrollment!.Id;
        }
        foreach (var x in c.SurveyResponses)
        {
            x.SurveyId = x.Survey!.Id;
            x.EnrollmentId = x.Enrollment!.Id;
        }
        foreach (var x in c.Interactions) x.EnrollmentId = x.Enrollment!.Id;
        foreach (var x in c.MentorRatings)
        {
            x.EnrollmentId = x.Enrollment!.Id;
            x.MentorId = x.Mentor!.Id;
        }
        foreach (var x in c.ApplicationEvents) x.EnrollmentId = x.Enrollment!.Id;
        foreach (var x in c.PerformanceReviews) x.LearnerId = x.Learner!.Id;
        foreach (var x in c.KpiMeasurements)
        {
            x.KpiId = x.Kpi!.Id;
            x.CohortId = x.Cohort!.Id;
            x.EnrollmentId = x.Enrollment?.Id;
            x.DepartmentId = x.Department?.Id;
        }
        foreach (var x in c.StoredObservations) x.EnrollmentId = x.Enrollment!.Id;
    }

    private static void Number<T>(List<T> rows, Action<T, int> setId)
    {
        for (var i = 0; i < rows.Count; i++)
            setId(rows[i], i + 1);
    }
}
