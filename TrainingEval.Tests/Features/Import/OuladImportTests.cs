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

    public static string SampleFolder() =>
        Path.GetFullPath(Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("TrainingEval.sln not found."), "..", "shared", "data", "oulad-sample"));

    [Fact]
    public async Task The_sample_imports_with_its_counts_and_hand_checked_scores()
    {
        var files = OuladConverter.Convert(SampleFolder());
        await using var database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 11, 29)));
        var import = ImportTestKit.Service(database);
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

        // 6 modules, 12 presentations, 12,400 students in 12,489 registrations; 36,184 assessment rows of which
        // 18 have no score; no withdrawals in this sample, so every registration has a final result.
        results.Select(r => r.Created).ShouldBe([6, 12, 12_400, 12_489, 36_166, 12_489]);
        results[^1].RecomputedCohorts.Count.ShouldBe(12);

        await using var db = database.CreateContext();
        (await db.LearnerScores.CountAsync(Ct)).ShouldBe(12_489);
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
