using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Profiles;

public sealed class ProfileVersioningTests : IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private Services _services = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly WeightProfile MoreBehavior = WeightProfile.Default with { LevelWeights = new LevelWeights(10, 25, 40, 25) };

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Today));
        _data = await TestData.CreateAsync(_database);
        _services = new Services(_database, actor: "hr.li");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Every_save_is_a_new_immutable_version()
    {
        var saved = await _services.Profiles.SaveAsync(_data.Program.Id, MoreBehavior, basedOnVersion: 1, "more behaviour", Ct);

        saved.Version.ShouldBe(2);
        saved.CreatedBy.ShouldBe("hr.li");
        var history = await _services.Profiles.GetHistoryAsync(_data.Program.Id, Ct);
        history.Select(h => h.Version).ShouldBe([2, 1]);
        history[1].Profile.LevelWeights.ShouldBe(LevelWeights.Default);
        history[0].Profile.LevelWeights.ShouldBe(new LevelWeights(10, 25, 40, 25));
        (await _services.Profiles.GetCurrentAsync(_data.Program.Id, Ct)).Version.ShouldBe(2);
    }

    [Fact]
    public async Task A_profile_round_trips_through_storage_unchanged()
    {
        var custom = WeightProfile.Default with
        {
            Name = "Custom",
            Policy = MissingDataPolicy.Zero,
            Tiers = new TierThresholds(85, 70, 55),
            PassMark = 55,
            ApplicationWindowDays = 90,
            Indicators = [.. BuiltInIndicators.All.Select(i => i.Code == BuiltInIndicators.Kpi ? i with { Weight = 30 } : i),
                new IndicatorDefinition { Code = "audit", Level = KirkpatrickLevel.Results, Normalization = Normalization.Score, Weight = 30, Max = 20, IsCustom = true }],
        };

        await _services.Profiles.SaveAsync(_data.Program.Id, custom, 1, null, Ct);

        var current = (await _services.Profiles.GetCurrentAsync(_data.Program.Id, Ct)).Profile;
        current.ShouldBe(custom with { Version = 2, Indicators = current.Indicators });
        current.Indicators.ShouldBe(custom.Indicators);
    }

    [Fact]
    public async Task Saving_on_a_stale_version_tells_the_second_writer()
    {
        await _services.Profiles.SaveAsync(_data.Program.Id, MoreBehavior, 1, null, Ct);

        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            new Services(_database, "hr.wang").Profiles.SaveAsync(_data.Program.Id, WeightProfile.Default with { PassMark = 70 }, 1, null, Ct));

        ex.Message.ShouldBe("Version 2 of the weight profile of LEAN was saved by hr.li at 2026-09-01 12:00 UTC while you were editing version 1. Reload it and apply your change again.");
        (await _services.Profiles.GetHistoryAsync(_data.Program.Id, Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_profile_that_breaks_the_weight_rules_is_refused_with_the_validators_message()
    {
        var broken = WeightProfile.Default with { LevelWeights = new LevelWeights(10, 10, 10, 10) };

        var ex = await Should.ThrowAsync<DataValidationException>(() => _services.Profiles.SaveAsync(_data.Program.Id, broken, 1, null, Ct));

        ex.Errors.ShouldContain(e => e.Contains("Level weights sum to 40"));
        (await _services.Profiles.GetHistoryAsync(_data.Program.Id, Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Each_changed_setting_is_audited_with_old_and_new_value()
    {
        await _services.Profiles.SaveAsync(_data.Program.Id, MoreBehavior, 1, null, Ct);

        await using var db = _database.CreateContext();
        var lines = await db.AuditTrail.Where(a => a.EntityType == "WeightProfile").ToListAsync(Ct);
        lines.ShouldAllBe(a => a.Actor == "hr.li" && a.EntityKey == "LEAN" && a.At == Today);
        lines.Single(a => a.Property == "LevelWeights.Behavior").ShouldSatisfyAllConditions(a => a.OldValue.ShouldBe("35"), a => a.NewValue.ShouldBe("40"));
        lines.Single(a => a.Property == "LevelWeights.Reaction").ShouldSatisfyAllConditions(a => a.OldValue.ShouldBe("15"), a => a.NewValue.ShouldBe("10"));
        lines.Single(a => a.Property == "Version").NewValue.ShouldBe("2");
        lines.ShouldNotContain(a => a.Property == "LevelWeights.Learning");
    }

    [Fact]
    public async Task A_closed_cohort_keeps_the_version_it_closed_with()
    {
        int revision;
        await using (var db = _database.CreateContext())
            revision = (await db.Cohorts.SingleAsync(c => c.Id == _data.Cohort.Id, Ct)).Revision;
        var closed = await _services.Cohorts.CloseAsync(_data.Cohort.Id, revision, Ct);
        closed.ProfileVersionId.ShouldBe(_data.Version.Id);

        await _services.Profiles.SaveAsync(_data.Program.Id, MoreBehavior, 1, null, Ct);
        await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);

        await using var check = _database.CreateContext();
        (await check.LearnerScores.Where(s => s.CohortId == _data.Cohort.Id).Select(s => s.ProfileVersionNumber).Distinct().ToListAsync(Ct)).ShouldBe([1]);
        (await check.AuditTrail.AnyAsync(a => a.EntityType == nameof(Cohort) && a.Property == nameof(Cohort.ClosedAt), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_open_cohort_is_rescored_with_the_new_version()
    {
        await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);

        await _services.Profiles.SaveAsync(_data.Program.Id, MoreBehavior, 1, null, Ct);

        await using var check = _database.CreateContext();
        (await check.LearnerScores.Where(s => s.CohortId == _data.Cohort.Id).Select(s => s.ProfileVersionNumber).Distinct().ToListAsync(Ct)).ShouldBe([2]);
    }

    [Fact]
    public async Task Closing_with_a_stale_revision_is_a_conflict()
    {
        await Should.ThrowAsync<ConcurrencyConflictException>(() => _services.Cohorts.CloseAsync(_data.Cohort.Id, expectedRevision: 5, Ct));
    }
}
