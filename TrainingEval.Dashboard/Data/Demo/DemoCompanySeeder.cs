using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Data.Entities;

namespace TrainingEval.Dashboard.Data.Demo;

/// <summary>
/// Writes a <see cref="DemoCompany"/> into an empty database in one transaction (a failed seed leaves
/// the database empty, so the next start tries again). Master data goes in as one tracked graph (the
/// records need its generated keys); the bulk records go through <see cref="BulkInsert"/>.
/// Consumes the company: the records' navigations are replaced by foreign-key values.
/// </summary>
public sealed class DemoCompanySeeder(IDbContextFactory<TrainingDbContext> factory, TimeProvider clock)
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
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditingEnabled = false;
        db.Clock = clock;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        db.AddRange(company.Departments);
        db.AddRange(company.Mentors);
        db.AddRange(company.Learners);
        db.AddRange(company.Programs);
        db.AddRange(company.ProfileVersions);
        db.AddRange(company.Kpis);
        db.AddRange(company.Cohorts);
        db.AddRange(company.CohortMentors);
        db.AddRange(company.Enrollments);
        db.AddRange(company.Sessions);
        db.AddRange(company.Assignments);
        db.AddRange(company.Assessments);
        db.AddRange(company.Surveys);
        db.AddRange(company.CostItems);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await InsertAsync(db, company.Attendance, a => { a.SessionId = a.Session!.Id; a.EnrollmentId = a.Enrollment!.Id; a.Session = null; a.Enrollment = null; }, cancellationToken);
        await InsertAsync(db, company.Submissions, s => { s.AssignmentId = s.Assignment!.Id; s.EnrollmentId = s.Enrollment!.Id; s.Assignment = null; s.Enrollment = null; }, cancellationToken);
        await InsertAsync(db, company.Results, r => { r.AssessmentId = r.Assessment!.Id; r.EnrollmentId = r.Enrollment!.Id; r.Assessment = null; r.Enrollment = null; }, cancellationToken);
        await InsertAsync(db, company.SurveyResponses, r => { r.SurveyId = r.Survey!.Id; r.EnrollmentId = r.Enrollment!.Id; r.Survey = null; r.Enrollment = null; }, cancellationToken);
        await InsertAsync(db, company.Interactions, i => { i.EnrollmentId = i.Enrollment!.Id; i.Enrollment = null; }, cancellationToken);
        await InsertAsync(db, company.MentorRatings, r => { r.EnrollmentId = r.Enrollment!.Id; r.MentorId = r.Mentor!.Id; r.Enrollment = null; r.Mentor = null; }, cancellationToken);
        await InsertAsync(db, company.ApplicationEvents, a => { a.EnrollmentId = a.Enrollment!.Id; a.Enrollment = null; }, cancellationToken);
        await InsertAsync(db, company.PerformanceReviews, r => { r.LearnerId = r.Learner!.Id; r.Learner = null; }, cancellationToken);
        await InsertAsync(db, company.KpiMeasurements, m =>
        {
            m.KpiId = m.Kpi!.Id;
            m.CohortId = m.Cohort!.Id;
            m.EnrollmentId = m.Enrollment?.Id;
            m.DepartmentId = m.Department?.Id;
            m.Kpi = null;
            m.Cohort = null;
            m.Enrollment = null;
            m.Department = null;
        }, cancellationToken);
        await InsertAsync(db, company.StoredObservations, o => { o.EnrollmentId = o.Enrollment!.Id; o.Enrollment = null; }, cancellationToken);

        db.AuditingEnabled = true;
        db.Actor = CurrentActor.System;
        db.AddAudit("DemoCompany", company.Spec.Seed.ToString(CultureInfo.InvariantCulture), AuditAction.Added, null, null,
            string.Create(CultureInfo.InvariantCulture,
                $"Demo company generated for {company.Spec.Today:yyyy-MM-dd}: {company.Learners.Count} employees, {company.Programs.Count} programs, {company.Cohorts.Count} cohorts, {company.RecordCount} records"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return watch.Elapsed;
    }

    private static async Task InsertAsync<T>(TrainingDbContext db, List<T> rows, Action<T> toForeignKeys, CancellationToken cancellationToken) where T : class
    {
        foreach (var row in rows)
            toForeignKeys(row);
        await BulkInsert.InsertAsync(db, rows, cancellationToken);
    }
}
