using TrainingEval.Domain.Comparisons;
using static TrainingEval.Tests.Domain.Comparisons.LearnerScores;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>"historical (历史): per cohort in start order: n, mean composite, mean per level, pass rate, mean coverage, and the trend."</summary>
public class ProgramHistoryTests
{
    private static CohortRun Run(string code, int month, int? version, params double[] composites) =>
        new(code, new DateOnly(2025, month, 1), CohortStatus.Closed, version, Composites(composites));

    private static CohortRun Running(string code, int month, params double[] composites) =>
        new(code, new DateOnly(2025, month, 1), CohortStatus.Running, 1, Composites(composites));

    [Fact]
    public void Cohorts_are_in_start_order_and_numbered_from_one()
    {
        var history = ProgramHistory.Build([Run("C3", 9, 1, 70), Run("C1", 1, 1, 60), Run("C2", 5, 1, 65)]);

        history.Cohorts.Select(c => c.CohortCode).ShouldBe(["C1", "C2", "C3"]);
        history.Cohorts.Select(c => c.RunOrder).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Cohorts_starting_on_the_same_day_are_ordered_by_code() =>
        ProgramHistory.Build([Run("B", 3, 1, 70), Run("A", 3, 1, 60)])
            .Cohorts.Select(c => c.CohortCode).ShouldBe(["A", "B"]);

    [Fact]
    public void Each_cohort_carries_its_n_mean_composite_and_pass_rate()
    {
        var history = ProgramHistory.Build([Run("C1", 1, 1, 50, 70, 90)]);
        var cohort = history.Cohorts.ShouldHaveSingleItem();

        cohort.Summary.EnrollmentCount.ShouldBe(3);
        cohort.Summary.MeanComposite.ShouldBe(70);
        cohort.Summary.PassRate!.Value.ShouldBe(2.0 / 3, 1e-12);
    }

    [Fact]
    public void The_trend_is_the_least_squares_line_of_mean_composite_over_run_order()
    {
        // Means 60, 70, 65, 80 at x = 1..4: slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 27.5 / 5 = 5.5, intercept = 68.75 − 5.5·2.5 = 55.
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60), Run("C2", 2, 1, 70), Run("C3", 3, 1, 65), Run("C4", 4, 1, 80)]);

        var trend = history.Trend.ShouldNotBeNull();
        trend.Slope.ShouldBe(5.5, 1e-9);
        trend.Intercept.ShouldBe(55, 1e-9);
        trend.RunsFitted.ShouldBe(4);
        history.Cohorts.Select(c => c.Trend!.Value).ShouldBe([60.5, 66, 71.5, 77], new ToleranceComparer(1e-9));
    }

    [Fact]
    public void Runs_without_a_mean_composite_are_left_out_of_the_fit_but_keep_their_place()
    {
        var history = ProgramHistory.Build(
        [
            Run("C1", 1, 1, 60),
            new CohortRun("C2", new DateOnly(2025, 2, 1), CohortStatus.Closed, null, [Unscored()]),
            Run("C3", 3, 1, 80),
        ]);

        var trend = history.Trend.ShouldNotBeNull();
        trend.RunsFitted.ShouldBe(2);
        trend.Slope.ShouldBe(10, 1e-9); // (80 − 60) / (3 − 1)
        history.Cohorts[1].Summary.MeanComposite.ShouldBeNull();
        history.Cohorts[1].Trend!.Value.ShouldBe(70, 1e-9);
    }

    [Fact]
    public void A_running_run_keeps_its_place_but_is_provisional_and_left_out_of_the_trend()
    {
        // Spec section 9: running cohorts are provisional as a whole. Ended runs 60 and 80 fit slope 10; the running 20 would pull it down.
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60), new CohortRun("C2", new DateOnly(2025, 2, 1), CohortStatus.Ended, 1, Composites([80])), Running("C3", 3, 20)]);

        var trend = history.Trend.ShouldNotBeNull();
        trend.RunsFitted.ShouldBe(2);
        trend.Slope.ShouldBe(20, 1e-9);
        history.Cohorts.Select(c => c.IsProvisional).ShouldBe([false, false, true]);
        history.Cohorts[2].Summary.MeanComposite.ShouldBe(20);
    }

    [Fact]
    public void The_latest_run_headline_is_the_latest_ended_run_unless_the_reader_picks_another()
    {
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60), Run("C2", 2, 1, 70), Running("C3", 3, 40), new CohortRun("C4", new DateOnly(2025, 4, 1), CohortStatus.Planned, 1, [])]);

        history.LatestEnded!.CohortCode.ShouldBe("C2");
        history.Headline(null)!.CohortCode.ShouldBe("C2");
        history.Headline(" c3 ")!.CohortCode.ShouldBe("C3");
        history.Headline("NOPE")!.CohortCode.ShouldBe("C2");
    }

    [Fact]
    public void A_program_whose_only_scored_run_is_running_has_no_latest_run_and_no_trend()
    {
        var history = ProgramHistory.Build([Running("C1", 1, 60), Running("C2", 2, 70)]);

        history.LatestEnded.ShouldBeNull();
        history.Trend.ShouldBeNull();
    }

    [Fact]
    public void One_run_with_a_mean_has_no_trend()
    {
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60), new CohortRun("C2", new DateOnly(2025, 2, 1), CohortStatus.Closed, 1, [])]);

        history.Trend.ShouldBeNull();
        history.Cohorts.ShouldAllBe(c => c.Trend == null);
    }

    [Fact]
    public void A_profile_version_change_between_consecutive_runs_is_flagged_on_the_later_run()
    {
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60), Run("C2", 2, 1, 60), Run("C3", 3, 2, 60), Run("C4", 4, 2, 60), Run("C5", 5, 4, 60)]);

        history.Cohorts.Select(c => c.ProfileVersionChanged).ShouldBe([false, false, true, false, true]);
        history.ProfileChanges.Select(c => c.CohortCode).ShouldBe(["C3", "C5"]);
    }

    [Fact]
    public void A_run_without_a_version_is_skipped_when_looking_for_a_change()
    {
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60), Run("C2", 2, null), Run("C3", 3, 2, 60)]);

        history.Cohorts.Select(c => c.ProfileVersionChanged).ShouldBe([false, false, true]);
    }

    [Fact]
    public void Cohorts_with_fewer_than_five_learners_are_flagged_small()
    {
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60, 70, 80, 90), Run("C2", 2, 1, 60, 70, 80, 90, 65)]);

        history.Cohorts.Select(c => c.Summary.IsSmall).ShouldBe([true, false]);
    }

    [Fact]
    public void No_runs_give_an_empty_history() =>
        ProgramHistory.Build([]).ShouldSatisfyAllConditions(
            h => h.Cohorts.ShouldBeEmpty(),
            h => h.Trend.ShouldBeNull());

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
