using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Surveys;

/// <summary>A ready-made survey HR starts from: its kind, a name and items in both languages.</summary>
public sealed record SurveyTemplate(SurveyKind Kind, string Name, string NameEn, IReadOnlyList<SurveyItemInput> Items)
{
    /// <summary>A fresh, editable copy of the items (the catalogue's own stay as they are).</summary>
    public List<SurveyItemInput> CopyItems() => [.. Items.Select(i => i.Copy())];
}

/// <summary>
/// The catalogue of templates (issue 17 item 1), one per survey kind: reaction after the course, needs before it, and the
/// behaviour follow-up whose items the learner (self) and their mentor (other) answer alike, so the two can be compared.
/// </summary>
public static class SurveyTemplates
{
    public static SurveyTemplate Reaction { get; } = new(SurveyKind.Reaction, "课程满意度调查", "Course satisfaction survey",
    [
        Likert("课程内容与我的工作相关", "The content is relevant to my work"),
        Likert("讲师讲解清楚、互动充分", "The trainer explained clearly and engaged us"),
        Likert("教材与练习有帮助", "The materials and exercises were helpful"),
        Likert("课程组织安排得当（时间、场地、节奏）", "The course was well organised (time, venue, pace)"),
        Likert("我会向同事推荐这门课程", "I would recommend this course to a colleague"),
        Text("您对课程还有什么建议？", "What would you suggest to improve the course?"),
    ]);

    public static SurveyTemplate Needs { get; } = new(SurveyKind.Needs, "训前需求调查", "Training needs survey",
    [
        new SurveyItemInput
        {
            Kind = SurveyItemKind.SingleChoice, Text = "哪项技能对您的工作最重要？", TextEn = "Which skill matters most in your work?", Required = true,
            Options = "问题分析与解决\n沟通与协作\n标准作业与质量\n设备与工具使用", OptionsEn = "Problem analysis and solving\nCommunication and teamwork\nStandard work and quality\nUsing equipment and tools",
        },
        Likert("我对这项技能目前很有信心", "I am confident in this skill today"),
        Text("您希望通过本课程达成什么目标？", "What do you want to achieve through this course?"),
    ]);

    public static SurveyTemplate FollowUp { get; } = new(SurveyKind.FollowUp, "训后行为跟踪", "Behaviour follow-up",
    [
        Likert("在工作中应用了课程所学的方法", "Applies the methods of the course on the job"),
        Likert("应用后工作质量或效率有所提升", "The quality or speed of the work improved from it"),
        Likert("能向同事讲解或示范所学内容", "Can explain or show what was learned to colleagues"),
        Likert("遇到问题时会主动使用所学工具", "Reaches for the tools of the course when a problem comes up"),
        Text("请举一个应用的例子", "Give an example of applying it"),
    ]);

    public static IReadOnlyList<SurveyTemplate> All { get; } = [Reaction, Needs, FollowUp];

    public static SurveyTemplate For(SurveyKind kind) => All.Single(t => t.Kind == kind);

    private static SurveyItemInput Likert(string text, string textEn) => new() { Kind = SurveyItemKind.Likert, Text = text, TextEn = textEn, Required = true };

    private static SurveyItemInput Text(string text, string textEn) => new() { Kind = SurveyItemKind.FreeText, Text = text, TextEn = textEn, Required = false };
}
