using TrainingEval.Domain.Promotions;

namespace TrainingEval.Tests.Domain.Promotions;

/// <summary>"learners in the top 10 % of composite over the last 3 years with at least 2 programs" (issue 8).</summary>
public class HighPotentialPoolTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static LearnerCohortComposite C(int learner, string program, double composite, int yearsAgo = 1) =>
        new(learner, program, Today.AddYears(-yearsAgo), composite);

    [Fact]
    public void Top_ten_percent_with_two_programs()
    {
        // 20 learners ⇒ the top 10 % are ranks 1–2. Learner 1 (mean 95, two programs) is in the pool;
        // learner 2 (mean 94) has one program only; learner 3 (mean 93, two programs) is rank 3, outside.
        var composites = new List<LearnerCohortComposite> { C(1, "P", 96), C(1, "Q", 94), C(2, "P", 94), C(3, "P", 93), C(3, "Q", 93) };
        composites.AddRange(Enumerable.Range(4, 17).Select(i => C(i, "P", 60 + i)));

        var pool = HighPotentialPool.Select(composites, Today);

        var member = pool.ShouldHaveSingleItem();
        member.LearnerId.ShouldBe(1);
        member.MeanComposite.ShouldBe(95);
        member.Programs.ShouldBe(2);
        member.Rank.ShouldBe(1);
        member.RankedLearners.ShouldBe(20);
    }

    [Fact]
    public void Cohorts_older_than_three_years_do_not_count()
    {
        // Learner 1's second program ended 4 years ago: one program in the window, so not in the pool.
        var pool = HighPotentialPool.Select([C(1, "P", 99), C(1, "Q", 99, yearsAgo: 4), C(2, "P", 50)], Today);

        pool.ShouldBeEmpty();
    }

    [Fact]
    public void Ties_at_the_cutoff_are_all_in()
    {
        // 10 learners ⇒ cutoff rank 1; learners 1 and 2 tie at rank 1.
        var composites = new List<LearnerCohortComposite> { C(1, "P", 90), C(1, "Q", 90), C(2, "P", 90), C(2, "Q", 90) };
        composites.AddRange(Enumerable.Range(3, 8).Select(i => C(i, "P", 50)));

        HighPotentialPool.Select(composites, Today).Select(m => m.LearnerId).ShouldBe([1, 2]);
    }

    [Fact]
    public void Nobody_scored_is_an_empty_pool() => HighPotentialPool.Select([], Today).ShouldBeEmpty();
}
