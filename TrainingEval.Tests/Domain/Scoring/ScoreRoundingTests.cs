using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Scoring;

/// <summary>"Exported numbers are rounded to 2 decimals, midpoint away from zero; nothing is rounded before that."</summary>
public class ScoreRoundingTests
{
    [Theory]
    [InlineData(76.8, 76.8)]
    [InlineData(72.142857142857, 72.14)]
    [InlineData(50.025, 50.03)]
    [InlineData(1.005, 1.01)]
    [InlineData(0.125, 0.13)]
    [InlineData(-0.125, -0.13)]
    [InlineData(99.994999, 99.99)]
    [InlineData(0, 0)]
    public void Rounds_to_2_decimals_midpoint_away_from_zero(double value, double expected) =>
        ScoreRounding.ForExport(value).ShouldBe(expected);

    [Fact]
    public void Export_text_has_exactly_2_decimals() =>
        ScoreRounding.ForExportText(76.8).ShouldBe("76.80");

    [Fact]
    public void Missing_stays_missing() =>
        ScoreRounding.ForExport((double?)null).ShouldBeNull();

    [Fact]
    public void NaN_cannot_be_exported() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ScoreRounding.ForExport(double.NaN));
}
