using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Demo;

public sealed class DemoCompanyTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DemoCompanySpec Small(int seed = DemoCompanySpec.DefaultSeed) => new()
    {
        Seed = seed,
        Today = Today,
        Employees = 400,
        Mentors = 16,
        CohortSizeFactor = 0.4,
    };

    [Fact]
    public void The_same_spec_gives_the_same_company()
    {
        var a = DemoCompanyGenerator.Generate(Small());
        var b = DemoCompanyGenerator.Generate(Small());

        Fingerprint(a).ShouldBe(Fingerprint(b));
        Fingerprint(DemoCompanyGenerator.Generate(Small(seed: 7))).ShouldNotBe(Fingerprint(a));
    }

    [Fact]
    public void A_small_company_keeps_every_invariant() => AssertInvariants(DemoCompanyGenerator.Generate(Small()));

    [Fact]
    public void An_impossible_spec_is_refused_with_the_reason()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => DemoCompanyGenerator.Generate(Small() with { Programs = 9 }));
        ex.Message.ShouldContain("1–8 programs");
    }

    [Fact]
    public void Names_and_texts_are_stored_in_both_languages()
    {
        var company = DemoCompanyGenerator.Generate(Small());
        IEnumerable<IBilingualName> named = [.. company.Departments, .. company.Learners, .. company.Mentors, .. company.Programs, .. company.Cohorts, .. company.Kpis, .. company.Sessions];
        named.ShouldAllBe(n => n.Name.Any(c => c >= 0x4E00 && c <= 0x9FFF) && !string.IsNullOrWhiteSpace(n.NameEn) && n.NameEn!.All(c => c < 0x2E80));
        company.ApplicationEvents.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.DescriptionEn));
        var english = DemoCompanyGenerator.Generate(Small() with { ChineseFreeText = false });
        english.MentorRatings.Where(r => r.Comment != null).ShouldAllBe(r => r.Comment!.All(c => c < 0x2E80));
    }

    /// <summary>The full demo company: generated, written to SQLite, scored; then the invariants and the story it should tell.</summary>
    [Fact]
    public async Task The_full_company_seeds_scores_and_tells_its_story()
    {
        var company = DemoCompanyGenerator.Generate(new DemoCompanySpec { Today = Today });
        company.Learners.Count.ShouldBe(2000);
        company.Mentors.Count.ShouldBe(60);
        company.Departments.Count.ShouldBe(8);
        company.Programs.Count.ShouldBe(8);
        AssertInvariants(company);

        await using var database = await TestDatabase.CreateAsync(new FixedClock(Today.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc)));
        var seeder = new DemoCompanySeeder(database.Factory);
        (await seeder.IsEmptyAsync(Ct)).ShouldBeTrue();
        await seeder.SeedAsync(company, Ct);
        (await seeder.IsEmptyAsync(Ct)).ShouldBeFalse();
        var services = new Services(database);
        var results = await services.Scores.RecomputeAllAsync(Ct);
        results.Sum(r => r.LearnersRejected).ShouldBe(0);

        await using var db = database.CreateContext();
        (await db.Learners.CountAsync(Ct)).ShouldBe(2000);
        (await db.Attendance.CountAsync(Ct)).ShouldBe(company.Attendance.Count);
        (await db.AuditTrail.CountAsync(a => a.EntityType == "DemoCompany", Ct)).ShouldBe(1);

        // Every built-in indicator has an observation somewhere.
        var seen = new HashSet<string>();
        var collector = ObservationCollector.CreateDefault();
        foreach (var cohort in await db.Cohorts.AsNoTracking().ToListAsync(Ct))
        {
            var version = await db.ProfileVersions.AsNoTracking().Where(v => v.ProgramId == cohort.ProgramId).OrderByDescending(v => v.Version).FirstAsync(Ct);
            var enrollments = await db.Enrollments.Where(e => e.CohortId == cohort.Id && e.Status != EnrollmentStatus.Withdrawn)
                .Select(e => new ScoredEnrollment(e.Id, e.LearnerId, e.Learner!.DepartmentId, e.Learner.EmployeeNumber)).ToListAsync(Ct);
            var sink = await collector.CollectAsync(db, new CollectionScope
            {
                CohortId = cohort.Id, StartDate = cohort.StartDate, EndDate = cohort.EndDate, Profile = version.ToDomain(),
                AsOf = database.Clock.GetUtcNow().UtcDateTime, Enrollments = enrollments, IsPartial = false,
            }, Ct);
            foreach (var e in enrollments)
                seen.UnionWith(sink.For(e.EnrollmentId).Select(o => o.IndicatorCode));
        }
        BuiltInIndicators.All.Select(i => i.Code).Where(code => !seen.Contains(code)).ShouldBeEmpty();
        seen.ShouldContain(DemoIndicators.SafetyAudit);

        var scores = await db.LearnerScores.AsNoTracking().Include(s => s.Cohort).ToListAsync(Ct);
        // Coverage is complete somewhere and visibly partial in the recent cohorts.
        scores.ShouldContain(s => s.Coverage == 1);
        var recent = scores.Where(s => s.Cohort!.EndDate > Today.AddDays(-60)).ToList();
        recent.ShouldNotBeEmpty();
        recent.ShouldAllBe(s => s.ResultsCoverage < 1);
        recent.Average(s => s.Coverage).ShouldBeLessThan(0.7);
        scores.Where(s => s.Cohort!.ClosedAt != null).Average(s => s.Coverage).ShouldBeGreaterThan(0.9);
        scores.Select(s => s.Tier).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);

        // One program improves over its runs, one declines.
        double Mean(string program, int run) => scores.Where(s => s.Cohort!.Code.StartsWith(program + "-", StringComparison.Ordinal))
            .GroupBy(s => s.Cohort!.StartDate).OrderBy(g => g.Key).ElementAt(run).Average(s => s.Composite ?? 0);
        Mean("LEAN-TL", 4).ShouldBeGreaterThan(Mean("LEAN-TL", 0) + 15);
        Mean("CS-EXC", 3).ShouldBeLessThan(Mean("CS-EXC", 0) - 10);

        // Engaged learners do better: attendance and composite move together.
        var attendance = company.Attendance.GroupBy(a => a.EnrollmentId).ToDictionary(g => g.Key, g => g.Count(a => a.Status == AttendanceStatus.Present) / (double)g.Count());
        var pairs = scores.Where(s => s.Composite != null && attendance.ContainsKey(s.EnrollmentId)).Select(s => (attendance[s.EnrollmentId], s.Composite!.Value)).ToList();
        Correlation(pairs).ShouldBeGreaterThan(0.3);
    }

    private static void AssertInvariants(DemoCompany c)
    {
        var today = c.Spec.Today;
        var now = today.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
        c.Learners.Select(l => l.EmployeeNumber).Concat(c.Mentors.Select(m => m.EmployeeNumber)).ShouldBeUnique();
        c.Cohorts.Select(x => x.Code).ShouldBeUnique();
        foreach (var program in c.Programs)
            c.Cohorts.Count(x => x.Program == program).ShouldBeInRange(4, 6);
        c.Cohorts.ShouldAllBe(x => x.StartDate <= x.EndDate && x.StartDate >= today.AddYears(-3).AddDays(-60));
        c.Cohorts.ShouldContain(x => x.StartDate <= today && x.EndDate > today, "some cohort is running");
        c.Cohorts.Where(x => x.ClosedAt != null).ShouldAllBe(x => x.ProfileVersion != null && x.ProfileVersion.Program == x.Program && x.ProfileVersion.CreatedAt <= x.ClosedAt);
        c.Enrollments.GroupBy(e => (e.Cohort, e.Learner)).ShouldAllBe(g => g.Count() == 1);
        c.Enrollments.ShouldAllBe(e => e.Learner!.HireDate < e.Cohort!.StartDate && e.EnrolledOn < e.Cohort.StartDate);
        c.Sessions.ShouldAllBe(s => s.HeldOn >= s.Cohort!.StartDate && s.HeldOn <= s.Cohort.EndDate);
        c.Attendance.ShouldAllBe(a => a.Session!.HeldOn <= today && a.Session.Cohort == a.Enrollment!.Cohort);
        c.Submissions.ShouldAllBe(s => s.SubmittedAt >= s.Assignment!.AssignedOn.ToDateTime(TimeOnly.MinValue) && s.SubmittedAt <= now
            && s.Score >= 0 && s.Score <= s.Assignment.MaxScore && s.Assignment.Cohort == s.Enrollment!.Cohort);
        c.Results.ShouldAllBe(r => r.Assessment!.HeldOn <= today && r.Score >= 0 && r.Score <= r.Assessment.MaxScore
            && (r.PracticalScore == null || (r.Assessment.PracticalMaxScore != null && r.PracticalScore >= 0 && r.PracticalScore <= r.Assessment.PracticalMaxScore)));
        c.SurveyResponses.ShouldAllBe(r => r.ItemScores.Count == r.Survey!.ItemCount && r.ItemScores.All(i => i >= 1 && i <= 5) && r.SubmittedAt <= now);
        c.Interactions.ShouldAllBe(i => i.OccurredAt <= now && i.OccurredAt >= i.Enrollment!.Cohort!.StartDate.ToDateTime(TimeOnly.MinValue));
        c.MentorRatings.ShouldAllBe(r => r.Score >= 1 && r.Score <= 5 && r.RatedAt <= now && BuiltInIndicators.MentorDimensions.Contains(r.Dimension));
        c.MentorRatings.GroupBy(r => (r.Enrollment, r.Dimension)).ShouldAllBe(g => g.Select(r => r.Sequence).Order().SequenceEqual(Enumerable.Range(1, g.Count())));
        c.ApplicationEvents.ShouldAllBe(a => a.OccurredOn > a.Enrollment!.Cohort!.EndDate && a.OccurredOn <= today);
        c.PerformanceReviews.ShouldAllBe(r => r.ReviewedOn <= today && r.BehaviorRating >= 1 && r.BehaviorRating <= 5 && r.OverallRating >= 1 && r.OverallRating <= 5);
        c.KpiMeasurements.ShouldAllBe(m => (m.Enrollment == null) != (m.Department == null) && m.Target != m.Baseline
            && (m.Actual == null) == (m.MeasuredOn == null) && (m.MeasuredOn == null || m.MeasuredOn <= today) && (m.Actual == null || m.Actual >= 0));
        c.KpiMeasurements.Where(m => m.Kpi!.Unit == "%").ShouldAllBe(m => m.Baseline <= 100 && m.Target <= 100 && (m.Actual == null || m.Actual <= 100));
        c.CostItems.ShouldAllBe(x => x.Amount > 0);
        foreach (var program in c.Programs)
            c.Kpis.Count(k => k.Program == program).ShouldBeInRange(2, 3);
        foreach (var version in c.ProfileVersions)
            Should.NotThrow(() => new ScoringEngine(version.ToDomain()));
        c.StoredObservations.ShouldAllBe(o => Normalizer.Check(c.ProfileVersions.Last(v => v.Program == o.Enrollment!.Cohort!.Program).ToDomain().Find(o.IndicatorCode)!, new RawValue(o.Value, o.Baseline, o.Target)) == null);

        // Recent cohorts lack level 3–4 data; older ones have it.
        c.KpiMeasurements.ShouldContain(m => m.Actual == null);
        c.KpiMeasurements.ShouldContain(m => m.Actual != null);
        c.Enrollments.Where(e => e.Cohort!.EndDate > today).ShouldAllBe(e => !c.ApplicationEvents.Any(a => a.Enrollment == e));
        // Dips mid-course: a quiz at least 15 points below the mean of at least two earlier ones, and a mentor dimension dropping a point.
        var quizDrop = c.Results.Where(r => r.Assessment!.Kind == AssessmentKind.Quiz).GroupBy(r => r.Enrollment).Any(g =>
        {
            var points = g.OrderBy(r => r.Assessment!.HeldOn).Select(r => r.Score / r.Assessment!.MaxScore * 100).ToList();
            return Enumerable.Range(2, Math.Max(0, points.Count - 2)).Any(i => points[i] <= points.Take(i).Average() - 15);
        });
        quizDrop.ShouldBeTrue();
        c.MentorRatings.GroupBy(r => (r.Enrollment, r.Dimension)).ShouldContain(g => g.OrderBy(r => r.Sequence).Zip(g.OrderBy(r => r.Sequence).Skip(1)).Any(p => p.Second.Score <= p.First.Score - 1));
        c.Enrollments.ShouldContain(e => e.Status == EnrollmentStatus.Withdrawn);
    }

    private static string Fingerprint(DemoCompany c) => string.Join("|",
        c.Learners.Count, c.Cohorts.Count, c.RecordCount,
        string.Join(",", c.Learners.Take(20).Select(l => l.Name + l.NameEn + l.HireDate)),
        c.Results.Sum(r => r.Score).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        c.KpiMeasurements.Sum(m => m.Actual ?? 0).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        string.Join(",", c.Cohorts.Select(x => x.Code)));

    private static double Correlation(List<(double X, double Y)> pairs)
    {
        var mx = pairs.Average(p => p.X);
        var my = pairs.Average(p => p.Y);
        var cov = pairs.Sum(p => (p.X - mx) * (p.Y - my));
        var vx = pairs.Sum(p => (p.X - mx) * (p.X - mx));
        var vy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
        return cov / Math.Sqrt(vx * vy);
    }
}
