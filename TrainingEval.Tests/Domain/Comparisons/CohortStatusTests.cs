using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>One status rule for every page (issue 14, item 6): planned, running, ended, closed — and running results are provisional (spec section 9).</summary>
public class CohortStatusTests
{
    private static readonly DateOnly Start = new(2026, 9, 7);
    private static readonly DateOnly End = new(2026, 10, 30);

    [Theory]
    [InlineData("2026-09-06", false, CohortStatus.Planned)]
    [InlineData("2026-09-07", false, CohortStatus.Running)]  // the first day runs
    [InlineData("2026-10-30", false, CohortStatus.Running)]  // the last day still runs
    [InlineData("2026-10-31", false, CohortStatus.Ended)]    // ended the day after, closed or not
    [InlineData("2027-06-01", false, CohortStatus.Ended)]    // weeks or months later it is ended, never "in progress"
    [InlineData("2027-06-01", true, CohortStatus.Closed)]
    [InlineData("2026-10-01", true, CohortStatus.Closed)]    // closed early by HR: closed whatever the dates say
    public void A_cohort_is_planned_running_ended_or_closed(string today, bool closed, CohortStatus expected) =>
        CohortStatuses.Of(Start, End, closed, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData(CohortStatus.Planned, true)]
    [InlineData(CohortStatus.Running, true)]
    [InlineData(CohortStatus.Ended, false)]
    [InlineData(CohortStatus.Closed, false)]
    public void Results_are_provisional_as_a_whole_until_the_cohort_has_ended(CohortStatus status, bool provisional)
    {
        status.ResultsAreProvisional().ShouldBe(provisional);
        status.HasEnded().ShouldBe(!provisional);
    }

    [Theory]
    [InlineData("2026-09-01", false)] // planned: not followed yet
    [InlineData("2026-10-15", true)]  // running
    [InlineData("2026-12-29", true)]  // ended 60 days ago: the last day of the tracking window
    [InlineData("2026-12-30", false)] // 61 days
    public void A_cohort_is_followed_up_while_running_and_through_its_tracking_window(string today, bool tracked)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        CohortStatuses.IsTracked(CohortStatuses.Of(Start, End, false, day), End, day, 60).ShouldBe(tracked);
    }

    [Fact]
    public void A_learner_s_finished_cohort_is_the_same_as_an_ended_one()
    {
        var outcome = new CohortOutcome("C", Start, End, false, 70, 1, [70, 70, 70, 70]);
        var afterEnd = new DateOnly(2026, 12, 1);

        outcome.StatusOn(afterEnd).ShouldBe(CohortStatus.Ended);
        outcome.IsFinishedOn(afterEnd).ShouldBeTrue();
        outcome.IsFinishedOn(End).ShouldBeFalse();
    }
}
