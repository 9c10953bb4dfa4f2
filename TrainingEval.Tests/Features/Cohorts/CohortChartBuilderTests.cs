using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Features.Cohorts;

public sealed class CohortChartBuilderTests
{
    private static readonly CohortChartLabels Labels = new(["R", "L", "B", "Res"], "Composite", "Distribution", "Mean", "Cohort mean");

    private static CohortLearner Learner(int i) => new(i, i, 1, $"E{i:000}", $"学员{i}", $"Learner {i}", "D1", "部门", "Dept");

    private static CohortScoreSet Set(LevelWeights weights, params LearnerScore[] scores)
    {
        var ranks = new int?[scores.Length];
        CohortRanking.Rank(scores, ranks);
        return new CohortScoreSet
        {
            Learners = [.. scores.Select((_, i) => Learner(i))],
            Scores = scores,
            Ranks = ranks,
            Weights = weights,
            ProfileVersion = 1,
        };
    }

    [Fact]
    public void Level_contributions_add_up_to_the_composite_when_a_level_has_no_score()
    {
        // Worked example of spec section 4: Results missing, composite 76.8 over the three scored levels.
        var score = new LearnerScore { Reaction = 79, Learning = 82, Behavior = 72.142857142857, Results = null, Composite = 76.8, Coverage = 0.645 };
        var ranking = CohortChartBuilder.Ranking(Set(LevelWeights.Default, score), Labels, 10, l => l.NameEn!);

        var stack = ranking.Series.Select(s => s.Data[0].Value).ToList();
        stack[3].ShouldBeNull();
        stack.Sum(v => v ?? 0).ShouldBe(76.8, 0.01);
        stack[0]!.Value.ShouldBe(15 * 79 / 75.0, 0.005);
    }

    [Fact]
    public void Bars_follow_rank_are_cut_to_the_limit_and_leave_out_learners_without_a_composite()
    {
        var set = Set(LevelWeights.Default,
            new LearnerScore { Reaction = 50, Composite = 50 },
            new LearnerScore(),
            new LearnerScore { Reaction = 90, Composite = 90 },
            new LearnerScore { Reaction = 70, Composite = 70 });

        var all = CohortChartBuilder.Ranking(set, Labels, 10, l => l.EmployeeNumber);
        var top2 = CohortChartBuilder.Ranking(set, Labels, 2, l => l.EmployeeNumber);

        all.Categories.ShouldBe(["E002", "E003", "E000"]);
        all.Ranked.ShouldBe(3);
        top2.Categories.ShouldBe(["E002", "E003"]);
        top2.EmployeeNumbers.ShouldBe(["E002", "E003"]);
    }

    [Fact]
    public void Box_plot_leaves_out_a_level_nobody_has_a_score_in()
    {
        var set = Set(LevelWeights.Default,
            new LearnerScore { Reaction = 60, Learning = 70, Composite = 66 },
            new LearnerScore { Reaction = 80, Learning = 90, Composite = 86 });

        var chart = CohortChartBuilder.Distribution(CohortDistributions.Of(set), Labels);

        chart.Categories.ShouldBe(["Composite", "R", "L"]);
        chart.Series[0].Data[0].Values.ShouldBe([66, 71, 76, 81, 86]);
        chart.Series[1].Data[0].Value.ShouldBe(76);
    }

    [Fact]
    public void Radar_leaves_a_gap_for_a_missing_level_never_a_zero()
    {
        var set = Set(LevelWeights.Default,
            new LearnerScore { Reaction = 60, Composite = 60 },
            new LearnerScore { Reaction = 80, Behavior = 40, Composite = 60 });

        var radar = CohortChartBuilder.Radar(set, 0, CohortDistributions.Of(set), Labels, "Learner 0");

        radar.Series[0].Data.Select(p => p.Value).ShouldBe([60, null, null, null]);
        radar.Series[1].Data.Select(p => p.Value).ShouldBe([70, null, 40, null]);
    }

    [Fact]
    public void The_header_numbers_are_the_domain_summary_pass_rate_over_learners_with_a_composite()
    {
        var set = Set(LevelWeights.Default,
            new LearnerScore { Composite = 80, Passed = true, Coverage = 1 },
            new LearnerScore { Composite = 50, Passed = false, Coverage = 0.5 },
            new LearnerScore { Coverage = 0, Tier = Tier.Insufficient, Passed = false });

        var summary = CohortChartBuilder.Build(set, Labels, 10, l => l.Name).Summary;

        summary.EnrollmentCount.ShouldBe(3);
        summary.CompositeCount.ShouldBe(2);
        summary.MeanComposite.ShouldBe(65);
        summary.PassRate.ShouldBe(0.5);
        summary.MeanCoverage!.Value.ShouldBe(0.5, 1e-12);
        summary.ProvisionalCount.ShouldBe(1);
    }
}
