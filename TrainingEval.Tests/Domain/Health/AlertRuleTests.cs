using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Tests.Domain.Health;

/// <summary>Spec section 5, alerts: each rule at, just above and just below its threshold.</summary>
public class AlertRuleTests
{
    private static HealthIndex Index(double? value) =>
        LearningHealthIndex.Compute(new HealthComponents(value, null, null, null));

    [Theory]
    [InlineData(80, 70, true)]        // exactly 10 points
    [InlineData(80, 69.99, true)]     // just over 10
    [InlineData(80, 70.01, false)]    // just under 10
    [InlineData(80.3, 70.3, true)]    // 10 on paper, 9.999999999999996 in binary
    [InlineData(70, 80, false)]       // a rise
    public void Lhi_drop_is_a_fall_of_10_points_or_more(double previous, double current, bool raised) =>
        AlertRules.IsIndexDrop(previous, current).ShouldBe(raised);

    [Fact]
    public void Lhi_drop_needs_an_index_in_both_weeks()
    {
        AlertRules.IsIndexDrop(null, 10).ShouldBeFalse();
        AlertRules.IsIndexDrop(90, null).ShouldBeFalse();
    }

    [Theory]
    [InlineData(65, 60, false)]       // at the line: watch
    [InlineData(65, 59.99, true)]     // just below: at risk
    [InlineData(65, 60.01, false)]    // just above
    [InlineData(55, 50, false)]       // already at risk: not "moves into"
    [InlineData(80, 40, true)]        // healthy straight to at risk
    public void At_risk_is_raised_when_the_band_moves_below_60(double previous, double current, bool raised) =>
        AlertRules.MovesIntoAtRisk(Index(previous).Band, Index(current).Band).ShouldBe(raised);

    [Fact]
    public void A_first_index_at_risk_moves_into_at_risk() =>
        AlertRules.MovesIntoAtRisk(null, LearningHealthBand.AtRisk).ShouldBeTrue();

    [Theory]
    [InlineData(4, 3, true)]          // exactly 1 point
    [InlineData(5, 2, true)]          // more
    [InlineData(4, 4, false)]         // no change
    [InlineData(3, 4, false)]         // a rise
    public void Competency_drop_is_a_new_rating_at_least_1_below_the_previous(int previous, int current, bool raised) =>
        AlertRules.IsCompetencyDrop(previous, current).ShouldBe(raised);

    [Fact]
    public void A_first_rating_is_never_a_competency_drop() =>
        AlertRules.IsCompetencyDrop(null, 1).ShouldBeFalse();

    [Theory]
    [InlineData(65, true)]            // mean 80, exactly 15 below
    [InlineData(64.99, true)]         // just over 15
    [InlineData(65.01, false)]        // just under 15
    public void Score_drop_is_15_points_below_the_mean_of_the_earlier_assessments(double score, bool raised) =>
        AlertRules.IsScoreDrop([70, 90], score).ShouldBe(raised);

    [Fact]
    public void Score_drop_needs_at_least_2_earlier_assessments()
    {
        AlertRules.IsScoreDrop([90], 10).ShouldBeFalse();
        AlertRules.IsScoreDrop([], 10).ShouldBeFalse();
        AlertRules.IsScoreDrop([90, 90], 10).ShouldBeTrue();
    }

    [Fact]
    public void A_falling_week_raises_lhi_drop_and_at_risk_with_the_weakest_component_suggestion()
    {
        var previous = LearningHealthIndex.Compute(new HealthComponents(90, 80, 80, 70));
        var current = LearningHealthIndex.Compute(new HealthComponents(40, 70, 60, 50));
        var alerts = AlertRules.ForWeek(previous, current);
        alerts.Select(a => a.Type).ShouldBe([AlertType.LhiDrop, AlertType.AtRisk]);
        alerts.ShouldAllBe(a => a.Suggestion == "attendance");
        alerts[0].Detail.ShouldBe("81 → 54.5");
    }

    [Fact]
    public void A_week_without_an_index_raises_nothing() =>
        AlertRules.ForWeek(Index(90), Index(null)).ShouldBeEmpty();

    [Theory]
    [InlineData(HealthComponent.Attendance, "attendance")]
    [InlineData(HealthComponent.Punctuality, "punctuality")]
    [InlineData(HealthComponent.Performance, "performance")]
    [InlineData(HealthComponent.Engagement, "engagement")]
    public void The_suggestion_follows_the_weakest_component(HealthComponent weakest, string code)
    {
        double?[] values = [90, 90, 90, 90];
        values[(int)weakest] = 30;
        var current = LearningHealthIndex.Compute(new HealthComponents(values[0], values[1], values[2], values[3]));
        AlertRules.ForWeek(null, current).ShouldAllBe(a => a.Suggestion == code);
        CoachingSuggestions.For(weakest).ShouldBe(code);
    }

    [Fact]
    public void A_competency_drop_suggests_a_one_to_one_on_that_dimension()
    {
        var alert = AlertRules.ForRating("initiative", 4, 2)!;
        alert.Type.ShouldBe(AlertType.CompetencyDrop);
        alert.Suggestion.ShouldBe("dimension:initiative");
        alert.Detail.ShouldBe("initiative: 4 → 2");
        CoachingSuggestions.DimensionOf(alert.Suggestion).ShouldBe("initiative");
        AlertRules.ForRating("initiative", 4, 4).ShouldBeNull();
    }

    [Fact]
    public void A_competency_drop_detail_splits_into_its_dimension_and_change_and_other_details_do_not()
    {
        AlertRules.SplitRatingDetail(AlertRules.ForRating("collaboration", 5, 3)!.Detail).ShouldBe(("collaboration", "5 → 3"));
        AlertRules.SplitRatingDetail(AlertRules.ForAssessment("Quiz 3", [80, 90], 60)!.Detail).ShouldBeNull();
        AlertRules.SplitRatingDetail("78.5 → 61").ShouldBeNull();
        AlertRules.SplitRatingDetail(null).ShouldBeNull();
    }

    [Fact]
    public void A_score_drop_suggests_a_targeted_review()
    {
        var alert = AlertRules.ForAssessment("Quiz 3", [80, 90], 60)!;
        alert.Suggestion.ShouldBe("performance");
        alert.Detail.ShouldBe("Quiz 3: 85 → 60");
    }
}
