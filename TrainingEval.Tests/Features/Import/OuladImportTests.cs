using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;
using TrainingEval.Tools.Oulad;

namespace TrainingEval.Tests.Features.Import;

/// <summary>
/// The public OULAD sample (../shared/data/oulad-sample) converted by tools/oulad and imported through the
/// import service, as the import page and the API do; scores checked by hand against the raw files.
/// </summary>
public sealed class OuladImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_copy_of_the_vle_log_becomes_interactions_one_row_per_student_and_day_in_the_run()
    {
        var folder = Directory.CreateTempSubdirectory("oulad-vle-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(SampleFolder()))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, OuladConverter.VleFile), """
                code_module,code_presentation,id_student,id_site,date,sum_click
                AAA,2013J,11391,546614,-10,4
                AAA,2013J,11391,546614,5,4
                AAA,2013J,11391,546719,5,12
                AAA,2013J,11391,546614,5,1
                AAA,2013J,28400,546614,6,2
                AAA,2013J,99999999,546614,6,2
                AAA,2013J,28400,546614,268,2
                """);

            var files = OuladConverter.Convert(folder);

            // Day -10 is before the run, 268 after its 268 days, 99999999 is not registered; two resources on day 5 count 2.
            files.Interactions.ShouldNotBeNull();
            files.Interactions.ReplaceLineEndings("\n").ShouldBe("""
                cohort_code,employee_no,occurred_at,kind,count
                AAA-2013J,OU11391,2013-10-06,post,2
                AAA-2013J,OU28400,2013-10-07,post,1

                """.ReplaceLineEndings("\n"));
            files.InImportOrder().Last().Kind.ShouldBe("interactions");
            OuladConverter.Convert(SampleFolder()).Interactions.ShouldBeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static string SampleFolder() =>
        Path.GetFullPath(Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("TrainingEval.sln not found."), "..", "shared", "data", "oulad-sample"));

    [Fact]
    public async Task The_sample_imports_with_its_counts_and_hand_checked_scores()
    {
        var files = OuladConverter.Convert(SampleFolder());
        await using var database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 11, 29)));
        var health = new TrainingEval.Dashboard.Features.Health.HealthRecomputes();
        var import = ImportTestKit.Service(database, health);
        var results = new List<ImportResult>();
        foreach (var (kind, name, csv) in files.InImportOrder())
        {
            ImportSchema.TryParseKind(kind, out var k).ShouldBeTrue();
            var result = await import.ImportAsync(k, ImportTestKit.Csv(csv), ImportFormat.Csv, name, Ct);
            result.Errors.ShouldBeEmpty();
            results.Add(result);
            if (k == ImportKind.Programs)
                await UseOuladProfileAsync(database);
        }

        // 6 modules, 12 presentations, 12,400 students in 12,489 registrations (9 unregistered: withdrawn on that day);
        // 37 assessments, each also a piece of homework; 36,184 assessment rows, of which 713 were banked from an earlier
        // run (a result here, not a hand-in) and 18 have no score (a hand-in, not a result).
        results.Select(r => r.Created).ShouldBe([6, 12, 12_400, 12_489, 37, 35_471, 37, 36_166, 36_166, 12_480]);
        results[^1].RecomputedCohorts.Count.ShouldBe(12);

        // What the background worker does after the imports: one recompute for every file queued before it ran.
        await health.RunPendingAsync(new Services(database).Health, Ct);
        await using var db = database.CreateContext();
        (await db.Enrollments.CountAsync(e => e.Status == EnrollmentStatus.Withdrawn, Ct)).ShouldBe(9);
        (await db.Enrollments.SingleAsync(e => e.Learner!.EmployeeNumber == "OU554243" && e.Cohort!.Code == "BBB-2013J", Ct)).WithdrawnOn
            .ShouldBe(new DateOnly(2013, 10, 1).AddDays(166));
        (await db.LearnerScores.CountAsync(Ct)).ShouldBe(12_480);
        // On time or late against each assessment's day: student 11391's TMAs of AAA 2013J were all on time.
        var late = await db.Submissions.CountAsync(s => s.SubmittedAt > s.Assignment!.DueAt, Ct);
        late.ShouldBeInRange(1, 35_470);

        // The health index of the weeks the runs took place in, from the hand-ins and the results (no sessions, and no
        // VLE log in the sample, so no attendance or engagement), and the alerts it raised: score drops and falls.
        var snapshots = await db.HealthSnapshots.Where(s => s.Index != null).ToListAsync(Ct);
        snapshots.Count.ShouldBeGreaterThan(10_000);
        snapshots.ShouldAllBe(s => s.Attendance == null && s.Engagement == null);
        snapshots.Min(s => s.WeekEnd).ShouldBeLessThan(new DateOnly(2013, 12, 31));
        var alerts = await db.Alerts.GroupBy(a => a.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        alerts.GetValueOrDefault(TrainingEval.Domain.Health.AlertType.ScoreDrop).ShouldBeGreaterThan(0);
        alerts.Values.Sum().ShouldBeGreaterThan(100);
        // Student 11391, AAA 2013J: TMAs 78, 85, 80 → learning 81; Pass → 4 → 75; composite (81 + 75) / 2 = 78, tier B.
        await ShouldScore(db, "AAA-2013J", "OU11391", learning: 81, results: 75, composite: 78, Tier.B);
        // Student 134143, AAA 2013J: 87, 83, 85 → 85; Distinction → 100; composite 92.5, tier A.
        await ShouldScore(db, "AAA-2013J", "OU134143", learning: 85, results: 100, composite: 92.5, Tier.A);
        // Student 74372, AAA 2013J: 60, 18, 67 → 48.33; Fail → 2 → 25; composite 36.67, tier D, not passed.
        var failed = await ShouldScore(db, "AAA-2013J", "OU74372", learning: 145 / 3.0, results: 25, composite: (145 / 3.0 + 25) / 2, Tier.D);
        failed.Passed.ShouldBe(false);
        // Student 690298 has two runs (one identity): DDD 2014J with one TMA of 65 and EEE 2014J with no score —
        // there only the result counts, at half coverage.
        await ShouldScore(db, "DDD-2014J", "OU690298", learning: 65, results: 25, composite: 45, Tier.D);
        var partial = await ShouldScore(db, "EEE-2014J", "OU690298", learning: null, results: 25, composite: 25, Tier.D);
        partial.Coverage.ShouldBe(0.5, 1e-9);
        (await db.Enrollments.CountAsync(e => e.Learner!.EmployeeNumber == "OU690298", Ct)).ShouldBe(2);
    }

    private static async Task UseOuladProfileAsync(TestDatabase database)
    {
        var profiles = new Services(database).Profiles;
        await using var db = database.CreateContext();
        foreach (var program in await db.Programs.ToListAsync(Ct))
            await profiles.SaveAsync(program.Id, OuladConverter.Profile, program.CurrentProfileVersion, "OULAD mapping (docs/examples/oulad.md)", Ct);
    }

    private static async Task<LearnerScoreRecord> ShouldScore(TrainingEval.Dashboard.Infrastructure.Persistence.TrainingDbContext db, string cohort, string employee, double? learning, double results, double composite, Tier tier)
    {
        var score = await db.LearnerScores.SingleAsync(s => s.Cohort!.Code == cohort && s.Learner!.EmployeeNumber == employee, Ct);
        if (learning is null)
            score.Learning.ShouldBeNull();
        else
            score.Learning!.Value.ShouldBe(learning.Value, 1e-9);
        score.Results!.Value.ShouldBe(results, 1e-9);
        score.Composite!.Value.ShouldBe(composite, 1e-9);
        score.Tier.ShouldBe(tier);
        return score;
    }
}
