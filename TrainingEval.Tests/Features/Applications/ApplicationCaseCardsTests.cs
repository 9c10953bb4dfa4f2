using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TrainingEval.Dashboard.Features.Applications;
using TrainingEval.Dashboard.Features.MyLearning;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Applications;

/// <summary>
/// The two cards of application cases over the test company (cohort LEAN-1, 2026-03-02 to 2026-04-24, "now" 2026-04-01):
/// the learner's 我的训后应用 with its form, and the mentor's 待确认的应用案例 — in both languages, free text shown as text.
/// </summary>
public sealed class ApplicationCaseCardsTests : MentoringTestContext
{
    private static readonly DateOnly During = new(2026, 3, 20);

    private async Task<ApplicationCaseRow> LogAsync(int learner, string description, string? result = null)
    {
        var before = User;
        User = LearnerUser(learner);
        try
        {
            return await Backend.Applications.SubmitAsync(Data[learner].LearnerId, Data[learner].Id, During, description, result, Ct);
        }
        finally
        {
            User = before;
        }
    }

    private async Task<List<ApplicationEvent>> CasesAsync() =>
        await QueryAsync(db => db.ApplicationEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct));

    [Theory]
    [InlineData("en", "My application cases", "Waiting for mentor", "Confirmed", "Needs more", "Key event", "Your mentor asked: 请写出节省的时间", "0 counted")]
    [InlineData("zh-CN", "我的训后应用", "待导师确认", "已确认", "需补充", "关键事件", "导师请您补充：请写出节省的时间", "已计入 0 个")]
    public async Task The_learner_sees_each_case_with_its_status_the_mentors_note_and_markup_as_text(
        string culture, string title, string pending, string confirmed, string needsMore, string keyEvent, string asked, string counted)
    {
        await LogAsync(0, "<script>alert('x')</script> 换模", "<b>快</b>");
        var confirm = await LogAsync(0, "标准作业");
        var back = await LogAsync(0, "看板");
        await Backend.Applications.ConfirmAsync(confirm.Id, confirm.Revision, Data.Mentor.Id, isKeyEvent: true, null, Ct);
        await Backend.Applications.AskForMoreAsync(back.Id, back.Revision, Data.Mentor.Id, "请写出节省的时间", Ct);
        UseCulture(culture);
        User = LearnerUser(0);

        var card = Render<MyApplicationCases>(p => p.Add(c => c.LearnerId, Data[0].LearnerId));

        card.WaitForElement("[data-testid=case-item]");
        card.Find("h2").TextContent.Trim().ShouldBe(title);
        var items = card.FindAll("[data-testid=case-item]");
        items.Count.ShouldBe(3);
        var byStatus = items.ToDictionary(i => i.GetAttribute("data-status")!);
        byStatus["Pending"].QuerySelector("[data-testid=case-status]")!.TextContent.Trim().ShouldBe(pending);
        byStatus["Confirmed"].QuerySelector("[data-testid=case-status]")!.TextContent.Trim().ShouldBe(confirmed);
        byStatus["Confirmed"].QuerySelector("[data-testid=case-key-event]")!.TextContent.Trim().ShouldBe(keyEvent);
        byStatus["NeedsMore"].QuerySelector("[data-testid=case-status]")!.TextContent.Trim().ShouldBe(needsMore);
        byStatus["NeedsMore"].QuerySelector("[data-testid=case-note]")!.TextContent.Trim().ShouldBe(asked);
        // Markup typed by a learner is text: escaped in the page, never an element.
        byStatus["Pending"].QuerySelector("[data-testid=case-description]")!.TextContent.ShouldBe("<script>alert('x')</script> 换模");
        byStatus["Pending"].QuerySelector("[data-testid=case-result]")!.TextContent.ShouldBe("<b>快</b>");
        card.FindAll("script, b").ShouldBeEmpty();
        card.Markup.ShouldContain("&lt;script&gt;");
        // "Now" is during the cohort: its days are before the tracking window, so nothing counts yet and each case says so.
        card.Find("[data-testid=case-count-value]").TextContent.Trim().ShouldBe(counted);
        card.FindAll("[data-testid=case-outside]").Count.ShouldBe(3);
        // Only what is not yet a record can be edited.
        byStatus["Confirmed"].QuerySelector("[data-testid=case-edit]").ShouldBeNull();
        byStatus["NeedsMore"].QuerySelector("[data-testid=case-edit]").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_learner_logs_a_case_in_the_dialog_told_first_that_its_day_will_not_count()
    {
        UseCulture("en");
        User = LearnerUser(1);
        var dialogs = Render<MudDialogProvider>();
        var card = Render<MyApplicationCases>(p => p.Add(c => c.LearnerId, Data[1].LearnerId));
        card.WaitForElement("[data-testid=no-cases]");

        card.Find("[data-testid=case-new]").Click();
        dialogs.WaitForElement("#case-date").Input("2026-03-20");
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=case-window-note]").TextContent.Trim().ShouldBe(
            "Cohort LEAN-1's tracking window is 2026-04-25 – 2026-06-23 (60 days after its end): a case on another day is kept but does not count toward application."));
        // Nothing to say what was applied: the form says so and nothing is saved.
        dialogs.Find("[data-testid=case-save]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Describe what you applied: the field is empty."));
        (await CasesAsync()).ShouldBeEmpty();

        dialogs.Find("#case-description").Change("用防错夹具");
        dialogs.Find("#case-result").Change("返工减少");
        dialogs.Find("[data-testid=case-save]").Click();

        card.WaitForAssertion(() => card.Find("[data-testid=case-item]").GetAttribute("data-status").ShouldBe("Pending"));
        dialogs.FindAll("[data-testid=case-dialog]").ShouldBeEmpty();
        (await CasesAsync()).Single().ShouldSatisfyAllConditions(
            c => c.EnrollmentId.ShouldBe(Data[1].Id),
            c => c.OccurredOn.ShouldBe(During),
            c => c.Description.ShouldBe("用防错夹具"),
            c => c.Result.ShouldBe("返工减少"),
            c => c.Status.ShouldBe(ApplicationCaseStatus.Pending));
    }

    [Theory]
    [InlineData("en", "Cases waiting", "Confirm", "Ask for more", "0 counted in LEAN-1 so far", "No cases are waiting.")]
    [InlineData("zh-CN", "待确认的应用案例", "确认", "要求补充", "LEAN-1 已计入 0 个", "没有待确认的案例。")]
    public async Task The_mentor_confirms_one_case_as_a_key_event_and_sends_the_other_back(
        string culture, string title, string confirm, string ask, string counted, string none)
    {
        var first = await LogAsync(0, "<img src=x onerror=alert(1)> 换模", "快了");
        var second = await LogAsync(2, "看板");
        UseCulture(culture);
        var confirmedEvents = 0;
        var dialogs = Render<MudDialogProvider>();
        var card = Render<WaitingApplicationCases>(p => p
            .Add(c => c.MentorId, Data.Mentor.Id)
            .Add(c => c.Confirmed, () => confirmedEvents++));

        card.WaitForElement("[data-testid=waiting-case]");
        card.Find("h2").TextContent.Trim().ShouldBe(title);
        var rows = card.FindAll("[data-testid=waiting-case]");
        rows.Select(r => r.GetAttribute("data-employee")).ShouldBe(["E001", "E003"]);
        rows[0].QuerySelector("[data-testid=case-confirm]")!.TextContent.Trim().ShouldBe(confirm);
        rows[0].QuerySelector("[data-testid=case-ask]")!.TextContent.Trim().ShouldBe(ask);
        rows[0].QuerySelector("[data-testid=waiting-counted]")!.TextContent.ShouldContain(counted);
        rows[0].QuerySelector("[data-testid=case-description]")!.TextContent.ShouldBe("<img src=x onerror=alert(1)> 换模");
        card.FindAll("img").ShouldBeEmpty();

        card.Find($"[data-case='{first.Id}'] input[data-testid=case-key-event-box], [data-case='{first.Id}'] [data-testid=case-key-event-box] input").Change(true);
        card.Find($"[data-case='{first.Id}'] [data-testid=case-confirm]").Click();

        card.WaitForAssertion(() => card.FindAll("[data-testid=waiting-case]").Select(r => r.GetAttribute("data-case")).ShouldBe([second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        confirmedEvents.ShouldBe(1);
        var stored = await CasesAsync();
        stored[0].ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe(ApplicationCaseStatus.Confirmed),
            c => c.IsKeyEvent.ShouldBeTrue(),
            c => c.ReviewedByMentorId.ShouldBe(Data.Mentor.Id));

        card.Find("[data-testid=case-ask]").Click();
        dialogs.WaitForElement("[data-testid=ask-save]").HasAttribute("disabled").ShouldBeTrue();
        dialogs.Find("#ask-note").Input("请补充看板的照片");
        dialogs.Find("[data-testid=ask-save]").Click();

        card.WaitForAssertion(() => card.Find("[data-testid=no-waiting-cases]").TextContent.Trim().ShouldBe(none));
        (await CasesAsync())[1].ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe(ApplicationCaseStatus.NeedsMore),
            c => c.ReviewNote.ShouldBe("请补充看板的照片"));
        confirmedEvents.ShouldBe(1);
    }

    [Fact]
    public async Task On_my_learning_the_card_follows_a_rescore_so_a_confirmation_shows_without_a_reload()
    {
        var logged = await LogAsync(0, "标准作业");
        UseCulture("en");
        User = LearnerUser(0);
        JSInterop.SetupModule(ApexChart.ModulePath).Mode = JSRuntimeMode.Loose;
        var page = Render<MyLearningPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=me-cases] [data-testid=case-item]").GetAttribute("data-status").ShouldBe("Pending"));

        // The mentor confirms in their own circuit; the rescore it triggers is what reaches the learner's page.
        User = MentorUser;
        await Backend.Applications.ConfirmAsync(logged.Id, logged.Revision, Data.Mentor.Id, isKeyEvent: true, null, Ct);
        User = LearnerUser(0);
        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new(Data.Cohort.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=me-cases] [data-testid=case-item]").GetAttribute("data-status").ShouldBe("Confirmed"));
        page.Find("[data-testid=me-cases] [data-testid=case-key-event]").TextContent.Trim().ShouldBe("Key event");
    }
}
