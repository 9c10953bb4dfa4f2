using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Shared;
using Microsoft.Extensions.Options;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>The exam services wired by hand over one test database (as the app wires them), serving <see cref="User"/>.</summary>
public sealed class ExamKit
{
    private readonly TestDatabase _database;
    private readonly IDbContextFactory<TrainingDbContext> _signedIn;

    public ExamKit(TestDatabase database, TestData data)
    {
        _database = database;
        Data = data;
        User = TestUsers.In("analyst", Roles.HrAnalyst);
        _signedIn = database.FactoryFor(new CurrentUserOf(() => User));
    }

    public TestData Data { get; }

    public UserContext User { get; set; }

    public IRecordAccess Access => TestUsers.AccessFor(_database.Factory, User);

    /// <summary>Messages in the current UI culture, from the real .resx files.</summary>
    public static IStringLocalizer<ExamStrings> Text { get; } = new ServiceCollection().AddLocalization().AddLogging().BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<ExamStrings>>();

    public QuestionBankService Bank => new(_signedIn, Access, new ExamQuestionInputValidator(Text), Text);

    /// <summary>Stores scores only, which are not audited rows.</summary>
    public Dashboard.Features.Scoring.CohortScoreService Scores => new(_database.Factory, Dashboard.Features.Scoring.ScorePipeline.CreateDefault(_database.Clock), _database.Clock);

    public ExamAttemptService Attempts => new(_signedIn, Scores, Access, Text, _database.Clock, Local);

    /// <summary>The organisation's clock the messages name times by (UTC+08:00, as the demo's).</summary>
    public static LocalTime Local { get; } = new(Options.Create(new TrainingEvalOptions { TimeZone = "Asia/Shanghai" }));

    public ExamPaperService Papers => new(_signedIn, Access, new ExamPaperInputValidator(Text), Text);

    /// <summary>A trainer account (Trainer role, an AspNetUsers row), linked to <paramref name="cohortId"/> when given.</summary>
    public async Task<UserContext> TrainerAsync(string name, int? cohortId)
    {
        await using var db = _database.CreateContext();
        var id = Guid.NewGuid().ToString();
        db.Users.Add(new UserAccount { Id = id, UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, SecurityStamp = id });
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.Trainer, TestContext.Current.CancellationToken);
        if (role is null)
        {
            role = new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Trainer) { NormalizedName = Roles.Trainer.ToUpperInvariant() };
            db.Roles.Add(role);
        }
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = id, RoleId = role.Id });
        if (cohortId is { } c)
            db.CohortTrainers.Add(new CohortTrainer { CohortId = c, UserId = id });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return TestUsers.In(name, Roles.Trainer) with { UserId = id };
    }

    public static ExamQuestionInput SingleChoice(string text = "5S 中的第一个 S 是什么？", string correct = "1") => new()
    {
        Kind = TrainingEval.Domain.Exams.ExamQuestionKind.SingleChoice,
        Text = text,
        TextEn = "What is the first S of 5S?",
        Options = "整理\n整顿\n清扫",
        OptionsEn = "Sort\nSet in order\nShine",
        Correct = correct,
        Points = 5,
        Difficulty = AssessmentDifficulty.Basic,
        Tags = "5S，现场管理",
    };
}
