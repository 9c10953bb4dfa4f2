using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>ISO weeks as the digest URL carries them ("2026-W13").</summary>
public class IsoWeekParsingTests
{
    [Theory]
    [InlineData("2026-W13", 2026, 13)]
    [InlineData("2026-w5", 2026, 5)]
    [InlineData(" 2020-W53 ", 2020, 53)]
    public void Reads_ISO_notation(string text, int year, int week)
    {
        IsoWeek.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new IsoWeek(year, week));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-W0")]
    [InlineData("2025-W53")]
    [InlineData("2026-W+1")]
    [InlineData("W13-2026")]
    public void Refuses_anything_else_and_weeks_the_year_lacks(string? text) =>
        IsoWeek.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Previous_and_next_cross_the_year()
    {
        new IsoWeek(2026, 1).Previous().ShouldBe(new IsoWeek(2025, 52));
        new IsoWeek(2020, 53).Next().ShouldBe(new IsoWeek(2021, 1));
        new IsoWeek(2026, 13).ToString().ShouldBe("2026-W13");
    }
}
