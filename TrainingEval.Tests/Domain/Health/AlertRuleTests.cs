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
    public void A_fall_into_at_risk_raises_one_alert_that_names_both_causes()
    {
        // Spec section 9: "when at_risk and lhi_drop fire in the same week for the same fall, one alert names both".
        var previous = LearningHealthIndex.Compute(new HealthComponents(90, 80, 80, 70));
        var current = LearningHealthIndex.Compute(new HealthComponents(40, 70, 60, 50));

        var alert = AlertRules.ForWeek(previous, current).ShouldNotBeNull();

        alert.Type.ShouldBe(AlertType.AtRisk);
        alert.Also.ShouldBe(AlertType.LhiDrop);
        alert.Suggestion.ShouldBe("attendance");
        alert.Detail.ShouldBe("lhi_drop+at_risk: 81.0 → 54.5");
        AlertDetail.Parse(alert.Detail)!.NamesBothIndexCauses.ShouldBeTrue();
    }

    [Fact]
    public void A_fall_that_stays_above_at_risk_is_an_lhi_drop_alone_and_a_small_dip_into_at_risk_an_at_risk_alone()
    {
        var drop = AlertRules.ForWeek(Index(90), Index(75)).ShouldNotBeNull();
        drop.Type.ShouldBe(AlertType.LhiDrop);
        drop.Also.ShouldBeNull();
        drop.Detail.ShouldBe("90.0 → 75.0");

        var dip = AlertRules.ForWeek(Index(62), Index(58)).ShouldNotBeNull();
        dip.Type.ShouldBe(AlertType.AtRisk);
        dip.Also.ShouldBeNull();
        dip.Detail.ShouldBe("62.0 → 58.0");
    }

    [Fact]
    public void Index_values_in_an_alert_carry_one_decimal()
    {
        // "Alert values use one precision": 78.46 → 61.04 is stored as 78.5 → 61.0, not 78.46 → 61.04 or 78.5 → 61.
        AlertRules.ForWeek(Index(78.46), Index(61.04))!.Detail.ShouldBe("78.5 → 61.0");
        AlertRules.ForWeek(null, Index(55))!.Detail.ShouldBe("→ 55.0");
        AlertRules.ForAssessment(3, [80, 91], 62.04)!.Detail.ShouldBe("assessment:3: 85.5 → 62.0");
    }

    [Fact]
    public void A_week_without_an_index_raises_nothing() =>
        AlertRules.ForWeek(Index(90), Index(null)).ShouldBeNull();

    [Fact]
    public void A_steady_week_raises_nothing() =>
        AlertRules.ForWeek(Index(80), Index(75)).ShouldBeNull();

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
        AlertRules.ForWeek(Index(95), current).ShouldNotBeNull().Suggestion.ShouldBe(code);
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
    public void A_score_drop_names_its_assessment_by_id_never_by_a_name_in_one_language()
    {
        var alert = AlertRules.ForAssessment(17, [80, 90], 60)!;
        alert.Suggestion.ShouldBe("performance");
        alert.Detail.ShouldBe("assessment:17: 85.0 → 60.0");
        var detail = AlertDetail.Parse(alert.Detail)!;
        detail.AssessmentId.ShouldBe(17);
        detail.Before.ShouldBe(85);
        detail.After.ShouldBe(60);
    }
}

/// <summary>Alert details are stored as codes, ids and numbers, and read back for the UI to word them in the reader's language.</summary>
public class AlertDetailTests
{
    [Fact]
    public void Each_kind_of_detail_reads_back_what_it_stores()
    {
        AlertDetail.Parse(AlertRules.ForRating("collaboration", 5, 3)!.Detail).ShouldSatisfyAllConditions(
            d => d!.Dimension.ShouldBe("collaboration"),
            d => d!.IsRating.ShouldBeTrue(),
            d => d!.Before.ShouldBe(5),
            d => d!.After.ShouldBe(3),
            d => d!.AssessmentId.ShouldBeNull());
        AlertDetail.Parse("78.5 → 61.0").ShouldSatisfyAllConditions(
            d => d!.Subject.ShouldBeNull(),
            d => d!.Change!.Value.ShouldBe(-17.5, 1e-9),
            d => d!.Dimension.ShouldBeNull());
        AlertDetail.Parse("→ 55.0")!.Before.ShouldBeNull();
        AlertDetail.Parse("lhi_drop+at_risk: 81.0 → 54.5")!.NamesBothIndexCauses.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Quiz 3: 85 → 60")]          // a free-text detail of an older version: shown as it is
    [InlineData("index fell a lot")]
    public void Text_in_another_form_is_not_a_detail(string? text) =>
        AlertDetail.Parse(text).ShouldBeNull();

    [Fact]
    public void A_detail_in_an_older_form_with_a_chinese_name_names_no_assessment() =>
        AlertDetail.Parse("随堂测验：5S: 80 → 62")!.AssessmentId.ShouldBeNull();
}

/// <summary>Spec section 9: lhi_drop compares with the learner's previous snapshot in the same cohort only.</summary>
public class SameCohortTests
{
    private static readonly HealthEnrollment Lean = new(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 24), new DateOnly(2026, 2, 23), null);
    private static readonly HealthEnrollment Safety = new(new DateOnly(2026, 4, 13), new DateOnly(2026, 5, 29), new DateOnly(2026, 4, 6), null);

    [Fact]
    public void The_previous_week_in_the_same_cohort_counts() =>
        AlertRules.IsSameCohort([Lean], IsoWeek.Of(new DateOnly(2026, 3, 22))).ShouldBeTrue();

    [Fact]
    public void A_snapshot_from_before_the_cohort_is_not_in_the_same_cohort() =>
        // The learner's last snapshot is from an earlier cohort that ended a year ago: the first snapshot of this one has no previous.
        AlertRules.IsSameCohort([Lean], IsoWeek.Of(new DateOnly(2025, 4, 5))).ShouldBeFalse();

    [Fact]
    public void Joining_a_second_cohort_makes_the_week_a_first_snapshot_of_that_cohort()
    {
        var weekBeforeSafety = IsoWeek.Of(new DateOnly(2026, 4, 5));
        AlertRules.IsSameCohort([Lean, Safety], weekBeforeSafety).ShouldBeFalse();
        AlertRules.IsSameCohort([Safety], IsoWeek.Of(new DateOnly(2026, 4, 19))).ShouldBeTrue();
    }

    [Fact]
    public void A_learner_with_no_active_cohort_has_no_previous_snapshot() =>
        AlertRules.IsSameCohort([], IsoWeek.Of(new DateOnly(2026, 3, 22))).ShouldBeFalse();

    [Fact]
    public void A_learner_who_enrolled_late_is_not_active_before_enrolling()
    {
        var late = Lean with { EnrolledOn = new DateOnly(2026, 3, 30) };
        AlertRules.IsSameCohort([late], IsoWeek.Of(new DateOnly(2026, 3, 22))).ShouldBeFalse();
    }
}
