using TrainingEval.Domain.Comparisons;
using static TrainingEval.Tests.Domain.Comparisons.LearnerScores;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>"historical (历史): per cohort in start order: n, mean composite, mean per level, pass rate, mean coverage, and the trend."</summary>
public class ProgramHistoryTests
{
    private static CohortRun Run(string code, int month, int? version, params double[] composites) =>
        new(code, new DateOnly(2025, month, 1), version, Composites(composites));

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

        cohort.Summary.LearnerCount.ShouldBe(3);
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
            new CohortRun("C2", new DateOnly(2025, 2, 1), null, [Unscored()]),
            Run("C3", 3, 1, 80),
        ]);

        var trend = history.Trend.ShouldNotBeNull();
        trend.RunsFitted.ShouldBe(2);
        trend.Slope.ShouldBe(10, 1e-9); // (80 − 60) / (3 − 1)
        history.Cohorts[1].Summary.MeanComposite.ShouldBeNull();
        history.Cohorts[1].Trend!.Value.ShouldBe(70, 1e-9);
    }

    [Fact]
    public void One_run_with_a_mean_has_no_trend()
    {
        var history = ProgramHistory.Build([Run("C1", 1, 1, 60), new CohortRun("C2", new DateOnly(2025, 2, 1), 1, [])]);

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
