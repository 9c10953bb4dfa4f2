using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 8: the process stops between an import's commit and its rescore (here: the import is cancelled the
/// moment its transaction has committed, as a kill would stop it). The records are in, the scores are old — and neither
/// a restart nor sending the same file again may leave them old.
/// </summary>
public sealed class StaleScoreRecoveryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private HealthRecomputes _health = null!;
    private ImportService _import = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Observations = """
        cohort_code,employee_no,indicator,value,baseline,target,measure,observed_on
        LEAN-1,E001,satisfaction,4.2,,,end survey,2026-04-24
        """;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database);
        _health = new HealthRecomputes();
        _import = ImportTestKit.Service(_database, _health);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_restart_rescores_what_a_stopped_import_left_stale()
    {
        await ImportStoppedAfterCommitAsync(ImportKind.Observations, Observations);
        (await ReactionOfE001Async()).ShouldBeNull("the kill left the old scores (the test's premise)");

        await using (var db = _database.CreateContext())
        {
            var (scores, _) = await TrainingDataHosting.RecomputePendingAsync(db, new Services(_database).Scores, _health, Ct);
            scores.ShouldBe(1);
        }

        (await ReactionOfE001Async())!.Value.ShouldBe(80, 1e-9);
        await using var check = _database.CreateContext();
        (await check.PendingRecomputes.CountAsync(Ct)).ShouldBe(0, "nothing is left marked");
    }

    [Fact]
    public async Task Sending_the_same_file_again_rescores_the_cohort_though_every_row_is_unchanged()
    {
        await ImportStoppedAfterCommitAsync(ImportKind.Observations, Observations);

        var again = await _import.ImportCsvAsync(ImportKind.Observations, Observations);

        (again.Created, again.Updated, again.Unchanged).ShouldBe((0, 0, 1));
        again.RecomputedCohorts.ShouldBe(["LEAN-1"]);
        (await ReactionOfE001Async())!.Value.ShouldBe(80, 1e-9);
    }

    [Fact]
    public async Task A_completed_import_leaves_nothing_marked_and_a_second_one_rescores_only_its_own_cohorts()
    {
        (await _import.ImportCsvAsync(ImportKind.Observations, Observations)).RecomputedCohorts.ShouldBe(["LEAN-1"]);
        await using (var db = _database.CreateContext())
            (await db.PendingRecomputes.CountAsync(Ct)).ShouldBe(0);

        (await _import.ImportCsvAsync(ImportKind.Observations, Observations)).RecomputedCohorts.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_health_index_of_an_import_is_computed_after_a_restart_though_its_in_memory_queue_was_lost()
    {
        (await _import.ImportCsvAsync(ImportKind.Sessions, """
            cohort_code,held_on,start_time,end_time,title
            LEAN-1,2026-04-20,09:00,12:00,Day 1
            """)).Errors.ShouldBeEmpty();
        _health.IsBusy.ShouldBeTrue("queued for the background worker");

        // The process stops before the worker runs: the queue is gone, the mark is not.
        var afterRestart = new HealthRecomputes();
        await using (var db = _database.CreateContext())
        {
            (await db.PendingRecomputes.SingleAsync(Ct)).Health.ShouldBeTrue();
            var (_, health) = await TrainingDataHosting.RecomputePendingAsync(db, new Services(_database).Scores, afterRestart, Ct);
            health.ShouldBe(1);
        }
        afterRestart.IsBusy.ShouldBeTrue();
        (await afterRestart.RunPendingAsync(new Services(_database).Health, Ct)).ShouldNotBeNull();

        await using var check = _database.CreateContext();
        (await check.PendingRecomputes.CountAsync(Ct)).ShouldBe(0, "computed, so no longer marked");
    }

    /// <summary>Imports the file and stops it right after its commit, as the first cohort's rescore begins.</summary>
    private async Task ImportStoppedAfterCommitAsync(ImportKind kind, string csv)
    {
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new KillAt(ImportPhase.Rescoring, kill);
        await Should.ThrowAsync<OperationCanceledException>(() =>
            _import.ImportAsync(kind, ImportTestKit.Csv(csv), ImportFormat.Csv, "test.csv", progress, kill.Token));
        await using var db = _database.CreateContext();
        (await db.PendingRecomputes.CountAsync(Ct)).ShouldBe(1, "the cohort is marked in the import's transaction");
    }

    private async Task<double?> ReactionOfE001Async()
    {
        await using var db = _database.CreateContext();
        return await db.LearnerScores.Where(s => s.EnrollmentId == _data[0].Id).Select(s => s.Reaction).SingleOrDefaultAsync(Ct);
    }

    /// <summary>Cancels the import synchronously when it reports <paramref name="phase"/>: the next awaited step stops it.</summary>
    private sealed class KillAt(ImportPhase phase, CancellationTokenSource kill) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Phase == phase)
                kill.Cancel();
        }
    }
}
