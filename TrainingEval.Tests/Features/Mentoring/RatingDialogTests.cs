using TrainingEval.Domain.Indicators;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Mentoring;

/// <summary>The rating dialog: previous ratings beside each dimension, validation through MudForm, saving, the concurrency conflict.</summary>
public sealed class RatingDialogTests : MentoringTestContext
{
    private static readonly string[] Dimensions = ["initiative", "attitude", "innovation", "collaboration", "application"];

    private IStringLocalizer<MentorStrings> Text => Services.GetRequiredService<IStringLocalizer<MentorStrings>>();

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<RatingDialog>
        {
            { d => d.EnrollmentId, Data[0].Id }, { d => d.MentorId, Data.Mentor.Id },
            { d => d.LearnerName, "学员1" }, { d => d.CohortCode, "LEAN-1" },
        };
        await provider.InvokeAsync(() => dialogs.ShowAsync<RatingDialog>("rate", parameters));
        provider.WaitForElement("[data-testid=rating-save]");
        return provider;
    }

    /// <summary>Clicks the radio of <paramref name="score"/> (1–5) in the dimension's row.</summary>
    private static void Choose(IRenderedComponent<MudDialogProvider> dialog, string dimension, int score) =>
        dialog.FindAll($"[data-dimension={dimension}] input[type=radio]")[score - RatingScale.Min].Click();

    private static void Save(IRenderedComponent<MudDialogProvider> dialog) => dialog.Find("[data-testid=rating-save]").Click();

    private Task<int> StoredRatingsAsync() => QueryAsync(db => db.MentorRatings.CountAsync(Ct));

    [Theory]
    [InlineData("en", "1 = well below expectations · 3 = meets expectations · 5 = far above expectations")]
    [InlineData("zh-CN", "1 = 远低于期望 · 3 = 符合期望 · 5 = 远超期望")]
    public async Task Every_option_of_every_dimension_reads_its_own_score_with_the_anchors_above(string culture, string anchors)
    {
        UseCulture(culture);
        var dialog = await OpenAsync();

        dialog.Find("[data-testid=rating-anchors]").TextContent.Trim().ShouldBe(anchors);
        foreach (var dimension in Dimensions)
        {
            var labels = dialog.FindAll($"[data-dimension={dimension}] [data-testid=rating-score] label").Select(l => l.TextContent.Trim()).ToList();
            labels.ShouldBe(["1", "2", "3", "4", "5"], $"the options of {dimension}");
        }
        dialog.Find("[data-dimension=attitude] [data-testid=rating-option-5]").GetAttribute("title").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Shows_the_previous_rating_beside_each_dimension()
    {
        await Backend.Ratings.RecordAsync(new RatingInput(Data[0].Id, Data.Mentor.Id, "attitude", 4, null), 0, Ct);
        var dialog = await OpenAsync();
        dialog.Find("[data-dimension=attitude] [data-testid=rating-previous]").TextContent.Trim().ShouldBe("Previous: 4");
        dialog.Find("[data-dimension=initiative] [data-testid=rating-previous]").TextContent.Trim().ShouldBe("Not rated yet");
    }

    [Fact]
    public async Task Saving_with_a_dimension_unrated_names_it_and_saves_nothing()
    {
        var dialog = await OpenAsync();
        foreach (var dimension in Dimensions.Where(d => d != "innovation"))
            Choose(dialog, dimension, 4);

        Save(dialog);

        dialog.WaitForAssertion(() => dialog.Find("[data-dimension=innovation]").TextContent.ShouldContain("Rate Innovation from 1 to 5."));
        dialog.Find("[data-dimension=attitude]").TextContent.ShouldNotContain("from 1 to 5");
        dialog.FindAll("[data-testid=rating-dialog]").ShouldNotBeEmpty();
        (await StoredRatingsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_comment_over_the_limit_is_refused_with_the_limit()
    {
        var dialog = await OpenAsync();
        foreach (var dimension in Dimensions)
            Choose(dialog, dimension, 3);
        dialog.Find("[data-dimension=collaboration] [data-testid=rating-comment]")
            .Input(new string('很', MentorRating.CommentMaxLength + 1));

        Save(dialog);

        dialog.WaitForAssertion(() => dialog.Find("[data-dimension=collaboration]").TextContent
            .ShouldContain($"The comment must be at most {MentorRating.CommentMaxLength} characters."));
        (await StoredRatingsAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public void The_validator_refuses_a_missing_or_out_of_range_score(int? score)
    {
        var validator = Services.GetRequiredService<FluentValidation.IValidator<RatingEntry>>();

        var result = validator.Validate(new RatingEntry { Dimension = "attitude", Score = score });

        result.Errors.Select(e => e.ErrorMessage).ShouldBe(["Rate Attitude from 1 to 5."]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void The_validator_accepts_the_ends_of_the_scale(int score)
    {
        var validator = Services.GetRequiredService<FluentValidation.IValidator<RatingEntry>>();

        validator.Validate(new RatingEntry { Dimension = "attitude", Score = score, Comment = new string('x', MentorRating.CommentMaxLength) })
            .IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_valid_sheet_is_saved_through_the_service_and_rescores_the_learner()
    {
        var dialog = await OpenAsync();
        for (var i = 0; i < Dimensions.Length; i++)
            Choose(dialog, Dimensions[i], i + 1);
        dialog.Find("[data-dimension=initiative] [data-testid=rating-comment]").Input("主动承担改善项目");

        Save(dialog);

        dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=rating-dialog]").ShouldBeEmpty());
        var stored = await QueryAsync(db => db.MentorRatings.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct));
        stored.Select(r => (r.Dimension, r.Score, r.Sequence, r.MentorId)).ShouldBe(
            Dimensions.Select((d, i) => (d, i + 1, 1, Data.Mentor.Id)), ignoreOrder: true);
        stored.Single(r => r.Dimension == "initiative").Comment.ShouldBe("主动承担改善项目");
        var score = await QueryAsync(db => db.LearnerScores.AsNoTracking().SingleAsync(s => s.EnrollmentId == Data[0].Id, Ct));
        score.Behavior.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_names_what_the_other_rater_changed()
    {
        await Backend.Ratings.RecordAsync(new RatingInput(Data[0].Id, Data.Mentor.Id, "attitude", 4, null), 0, Ct);
        var dialog = await OpenAsync();
        foreach (var dimension in Dimensions)
            Choose(dialog, dimension, 2);

        // Meanwhile a second mentor (through HR, who may rate for any mentor) rates attitude and collaboration.
        var second = await AddMentorAsync("M002", "李师傅", "Master Li");
        User = Analyst;
        await Backend.Ratings.RecordSheetAsync(Data[0].Id, second,
            [new RatingLine("attitude", 5, null, 1), new RatingLine("collaboration", 3, null, 0)], Ct);
        User = MentorUser;

        Save(dialog);

        var conflict = dialog.WaitForElement("[data-testid=rating-conflict]").TextContent;
        conflict.ShouldContain("Attitude was rated 5 by Master Li at 2026-04-01 12:00 UTC");
        conflict.ShouldContain("Collaboration was rated 3 by Master Li");
        conflict.ShouldNotContain("Initiative");
        dialog.FindAll("[data-testid=rating-dialog]").ShouldNotBeEmpty();
        (await StoredRatingsAsync()).ShouldBe(3);

        // Reloading takes the newer ratings as the base and keeps the mentor's entries: the next save goes through.
        dialog.Find("[data-testid=rating-reload]").Click();
        dialog.WaitForAssertion(() => dialog.Find("[data-dimension=attitude] [data-testid=rating-previous]").TextContent.Trim().ShouldBe("Previous: 5"));
        dialog.FindAll("[data-testid=rating-conflict]").ShouldBeEmpty();
        Save(dialog);
        dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=rating-dialog]").ShouldBeEmpty());
        var latest = await Backend.Ratings.LatestAsync(Data[0].Id, Ct);
        latest.Values.Select(r => (r.Dimension, r.Score)).ShouldBe(Dimensions.Select(d => (d, 2)), ignoreOrder: true);
        latest["attitude"].Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task The_conflict_is_told_in_Chinese_in_a_Chinese_session()
    {
        UseCulture("zh-CN");
        var dialog = await OpenAsync();
        foreach (var dimension in Dimensions)
            Choose(dialog, dimension, 4);
        var second = await AddMentorAsync("M002", "李师傅", "Master Li");
        User = Analyst;
        await Backend.Ratings.RecordAsync(new RatingInput(Data[0].Id, second, "innovation", 1, null), 0, Ct);
        User = MentorUser;

        Save(dialog);

        var conflict = dialog.WaitForElement("[data-testid=rating-conflict]").TextContent;
        conflict.ShouldContain("李师傅");
        conflict.ShouldContain(Text.Dimension("innovation"));
        conflict.ShouldNotContain("Master Li");
    }

    private async Task<int> AddMentorAsync(string number, string name, string nameEn)
    {
        await using var db = Database.CreateContext();
        var mentor = new Mentor { EmployeeNumber = number, Name = name, NameEn = nameEn, DepartmentId = Data.Department.Id };
        db.Mentors.Add(mentor);
        await db.SaveChangesAsync(Ct);
        return mentor.Id;
    }
}
