namespace TrainingEval.Domain.Promotions;

/// <summary>One composite of a learner in a cohort of some program.</summary>
public sealed record LearnerCohortComposite(int LearnerId, string ProgramCode, DateOnly CohortEnd, double Composite);

/// <summary>A member of the high-potential pool with what put them there.</summary>
public sealed record HighPotentialMember(int LearnerId, double MeanComposite, int Programs, int Cohorts, int Rank, int RankedLearners);

/// <summary>
/// The high-potential pool (高潜人才): learners in the top 10 % of composite over the last 3 years with at least
/// 2 programs. Our reading: every learner with a composite in a cohort that ended within the window is ranked by
/// the mean of those composites (ties share the lowest rank); the top 10 % are the ranks up to ⌈10 % × ranked⌉;
/// of those, the learners with composites in at least 2 different programs form the pool.
/// </summary>
public static class HighPotentialPool
{
    public const double TopShare = 0.10;
    public const int WindowYears = 3;
    public const int MinimumPrograms = 2;

    public static IReadOnlyList<HighPotentialMember> Select(IEnumerable<LearnerCohortComposite> composites, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(composites);
        var from = today.AddYears(-WindowYears);
        var learners = composites
            .Where(c => c.CohortEnd > from && c.CohortEnd <= today)
            .GroupBy(c => c.LearnerId)
            .Select(g => (LearnerId: g.Key, Mean: g.Average(c => c.Composite),
                Programs: g.Select(c => c.ProgramCode).Distinct(StringComparer.Ordinal).Count(), Cohorts: g.Count()))
            .OrderByDescending(l => l.Mean)
            .ThenBy(l => l.LearnerId)
            .ToList();
        if (learners.Count == 0)
            return [];
        var cutoffRank = (int)Math.Ceiling(TopShare * learners.Count);
        var members = new List<HighPotentialMember>();
        var rank = 0;
        for (var i = 0; i < learners.Count; i++)
        {
            if (i == 0 || learners[i].Mean != learners[i - 1].Mean)
                rank = i + 1;
            if (rank > cutoffRank)
                break;
            if (learners[i].Programs >= MinimumPrograms)
                members.Add(new(learners[i].LearnerId, learners[i].Mean, learners[i].Programs, learners[i].Cohorts, rank, learners.Count));
        }
        return members;
    }
}
