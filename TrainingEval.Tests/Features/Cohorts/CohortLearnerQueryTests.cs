using System.Globalization;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Features.Cohorts;

public sealed class CohortLearnerQueryTests
{
    private static readonly CohortScoreSet Set = Build();

    private static CohortScoreSet Build()
    {
        LearnerScore[] scores =
        [
            new() { Composite = 70, Behavior = 60, Coverage = 1, Tier = Tier.C },
            new() { Composite = 90, Behavior = null, Coverage = 0.8, Tier = Tier.A },
            new() { Coverage = 0.2 },
            new() { Composite = 80, Behavior = 85, Coverage = 1, Tier = Tier.B },
        ];
        var ranks = new int?[scores.Length];
        CohortRanking.Rank(scores, ranks);
        return new CohortScoreSet
        {
            Learners =
            [
                new(1, 1, 1, "E001", "王芳", "Wang Fang", "OPS", "运营部", "Operations"),
                new(2, 2, 2, "E002", "李娜", "Li Na", "QA", "质量部", "Quality"),
                new(3, 3, 1, "E003", "张伟", "Zhang Wei", "OPS", "运营部", "Operations"),
                new(4, 4, 2, "E004", "刘洋", "Liu Yang", "QA", "质量部", "Quality"),
            ],
            Scores = scores,
            Ranks = ranks,
            Weights = LevelWeights.Default,
            ProfileVersion = 1,
        };
    }

    private static IReadOnlyList<string> Numbers(CohortLearnerQuery query, out int total) =>
        [.. query.Apply(Set, CultureInfo.GetCultureInfo("en"), out total).Select(r => r.Learner.EmployeeNumber)];

    [Fact]
    public void Default_order_is_by_rank_with_unranked_learners_last()
    {
        Numbers(new CohortLearnerQuery(), out var total).ShouldBe(["E002", "E004", "E001", "E003"]);
        total.ShouldBe(4);
    }

    [Fact]
    public void Missing_values_sort_last_in_either_direction()
    {
        Numbers(new CohortLearnerQuery { Sort = "behavior" }, out _).ShouldBe(["E001", "E004", "E002", "E003"]);
        Numbers(new CohortLearnerQuery { Sort = "behavior", Descending = true }, out _).ShouldBe(["E004", "E001", "E002", "E003"]);
    }

    [Fact]
    public void Search_matches_either_name_or_the_employee_number()
    {
        Numbers(new CohortLearnerQuery { Search = "李" }, out _).ShouldBe(["E002"]);
        Numbers(new CohortLearnerQuery { Search = "zhang" }, out _).ShouldBe(["E003"]);
        Numbers(new CohortLearnerQuery { Search = "e004" }, out _).ShouldBe(["E004"]);
    }

    [Fact]
    public void Department_and_tier_filters_combine_and_total_counts_the_matches()
    {
        Numbers(new CohortLearnerQuery { Department = "QA", Tier = Tier.B }, out var total).ShouldBe(["E004"]);
        total.ShouldBe(1);
    }

    [Fact]
    public void Pages_hold_page_size_rows_and_a_page_past_the_end_shows_the_last()
    {
        Numbers(new CohortLearnerQuery { PageSize = 3, Page = 1 }, out var total).ShouldBe(["E003"]);
        total.ShouldBe(4);
        Numbers(new CohortLearnerQuery { PageSize = 3, Page = 9 }, out _).ShouldBe(["E003"]);
    }
}
