using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TrainingEval.Domain.Exams;

namespace TrainingEval.Tests.Domain.Exams;

/// <summary>Issue 17 item 2: auto-grading of exam answers, the theory score on the assessment's scale and the pass line.</summary>
public class ExamGradingTests
{
    private static ExamAnswerKey Choice(ExamQuestionKind kind, params int[] correct) => new(kind, 5, correct);

    [Theory]
    [InlineData(2, 5.0)]
    [InlineData(1, 0.0)]
    public void Single_choice_is_right_only_with_the_right_option(int ticked, double points) =>
        ExamGrading.Grade(Choice(ExamQuestionKind.SingleChoice, 2), new ExamResponse([ticked])).Points.ShouldBe(points);

    [Fact]
    public void Single_choice_with_two_options_ticked_is_wrong_even_if_one_is_right() =>
        ExamGrading.Grade(Choice(ExamQuestionKind.SingleChoice, 2), new ExamResponse([2, 3])).Points.ShouldBe(0);

    [Theory]
    [InlineData(0, 5.0)]
    [InlineData(1, 0.0)]
    public void True_false_is_right_with_the_right_option(int ticked, double points) =>
        ExamGrading.Grade(Choice(ExamQuestionKind.TrueFalse, 0), new ExamResponse([ticked])).Points.ShouldBe(points);

    [Fact]
    public void Multiple_choice_with_exactly_the_right_set_gets_full_marks_in_any_order() =>
        ExamGrading.Grade(Choice(ExamQuestionKind.MultipleChoice, 0, 2, 3), new ExamResponse([3, 0, 2])).IsFullMarks.ShouldBeTrue();

    [Theory]
    [InlineData(new[] { 0, 2 })]
    [InlineData(new[] { 0, 1, 2, 3 })]
    [InlineData(new[] { 0, 1, 2 })]
    public void Multiple_choice_is_all_or_nothing_missing_or_extra_options_score_0(int[] ticked) =>
        ExamGrading.Grade(Choice(ExamQuestionKind.MultipleChoice, 0, 2, 3), new ExamResponse(ticked)).Points.ShouldBe(0);

    [Theory]
    [InlineData(3.14, 5.0)]
    [InlineData(3.15, 5.0)]
    [InlineData(3.13, 5.0)]
    [InlineData(3.16, 0.0)]
    [InlineData(double.NaN, 0.0)]
    public void Numeric_is_right_within_the_tolerance_bounds_included(double typed, double points) =>
        ExamGrading.Grade(new ExamAnswerKey(ExamQuestionKind.Numeric, 5, [], 3.14, 0.01), new ExamResponse(Number: typed)).Points.ShouldBe(points);

    [Fact]
    public void Numeric_without_tolerance_needs_the_exact_value() =>
        ExamGrading.Grade(new ExamAnswerKey(ExamQuestionKind.Numeric, 5, [], 42), new ExamResponse(Number: 42.5)).Points.ShouldBe(0);

    [Fact]
    public void A_short_answer_waits_for_the_trainer_unless_blank()
    {
        var key = new ExamAnswerKey(ExamQuestionKind.ShortAnswer, 10, []);
        ExamGrading.Grade(key, new ExamResponse(Text: "先倾听，再复述客户的诉求")).AwaitsTrainer.ShouldBeTrue();
        ExamGrading.Grade(key, new ExamResponse(Text: "  ")).Points.ShouldBe(0);
    }

    [Fact]
    public void A_blank_or_missing_answer_scores_0()
    {
        ExamGrading.Grade(Choice(ExamQuestionKind.SingleChoice, 1), null).Points.ShouldBe(0);
        ExamGrading.Grade(Choice(ExamQuestionKind.MultipleChoice, 1), ExamResponse.Blank).Points.ShouldBe(0);
    }

    [Fact]
    public void The_theory_score_is_points_earned_over_points_possible_on_the_assessments_scale() =>
        // 3 of 4 questions right, worth 2 + 2 + 4 + 4 = 12; earned 8 ⇒ 8 / 12 × 100.
        ExamGrading.TheoryScore([new(2, 2), new(2, 2), new(4, 4), new(0, 4)], 100).ShouldBe(800.0 / 12, 1e-9);

    [Fact]
    public void Answers_awaiting_the_trainer_count_0_until_graded() =>
        ExamGrading.TheoryScore([new(5, 5), new(null, 5)], 100).ShouldBe(50);

    [Fact]
    public void A_paper_worth_nothing_scores_0() => ExamGrading.TheoryScore([], 100).ShouldBe(0);

    [Theory]
    [InlineData(60, 100, 60, true)]
    [InlineData(59.9, 100, 60, false)]
    [InlineData(30, 50, 60, true)]
    [InlineData(29, 50, 60, false)]
    public void The_pass_line_is_points_out_of_100_of_the_parts_maximum(double score, double max, double passLine, bool passed) =>
        ExamGrading.Passed(score, max, passLine).ShouldBe(passed);

    [Fact]
    public void A_negative_points_value_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ExamGrading.Grade(new ExamAnswerKey(ExamQuestionKind.SingleChoice, -1, [0]), ExamResponse.Blank));

    [Property]
    public Property A_question_scores_either_0_or_its_full_points(int[] ticked, int[] correct, PositiveInt points) =>
        Enum.GetValues<ExamQuestionKind>().Where(k => k != ExamQuestionKind.ShortAnswer).All(kind =>
        {
            var key = new ExamAnswerKey(kind, points.Get, correct.Select(c => Math.Abs(c % 6)).Distinct().ToArray(), 1, 0);
            var p = ExamGrading.Grade(key, new ExamResponse(ticked.Select(t => Math.Abs(t % 6)).Distinct().ToArray(), ticked.Length)).Points;
            return p == 0 || p == points.Get;
        }).ToProperty();

    [Property]
    public Property The_theory_score_lies_between_0_and_the_maximum(PositiveInt[] maxima, PositiveInt max) =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 100), maxima.Length).ToArbitrary(), shares =>
        {
            var grades = maxima.Select((m, i) => new QuestionGrade(m.Get * shares[i] / 100.0, m.Get)).ToArray();
            var score = ExamGrading.TheoryScore(grades, max.Get);
            return score >= 0 && score <= max.Get;
        });
}

/// <summary>Issue 17 item 3: a practical part scored with a rubric (criteria × points).</summary>
public class RubricGradingTests
{
    [Fact]
    public void The_practical_score_is_the_rubrics_points_over_its_points_possible_on_the_practical_scale() =>
        // 8 / 10 + 12 / 20 ⇒ 20 of 30, on a practical part out of 60 ⇒ 40.
        RubricGrading.PracticalScore([new(8, 10), new(12, 20)], 60).ShouldBe(40);

    [Theory]
    [InlineData(0, 10, true)]
    [InlineData(10, 10, true)]
    [InlineData(10.5, 10, false)]
    [InlineData(-1, 10, false)]
    [InlineData(double.NaN, 10, false)]
    public void A_criterion_takes_0_to_its_points(double given, double worth, bool allowed) =>
        RubricGrading.IsAllowed(given, worth).ShouldBe(allowed);

    [Fact]
    public void Points_above_a_criterions_points_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RubricGrading.PracticalScore([new(11, 10)], 60))
            .Message.ShouldContain("0 to 10");

    [Fact]
    public void A_rubric_without_criteria_gives_no_score() => RubricGrading.PracticalScore([], 60).ShouldBeNull();
}
