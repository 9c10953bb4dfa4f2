using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Attendance;

/// <summary>
/// The sessions and attendance services over one test database, wired as the app wires them, serving whoever
/// <see cref="User"/> is at the time of each call. The organisation's zone is Asia/Shanghai (UTC+8); the clock is the
/// database's <see cref="FixedClock"/>, so tests set "now".
/// </summary>
public sealed class AttendanceKit
{
    public static readonly IStringLocalizer<AttendanceStrings> Text = new ServiceCollection()
        .AddLocalization().AddLogging().BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<AttendanceStrings>>();

    private readonly TestDatabase _database;

    public AttendanceKit(TestDatabase database, TestData data)
    {
        _database = database;
        Data = data;
        Scores = new(database.Factory, ScorePipeline.CreateDefault(database.Clock), database.Clock);
        User = TestUsers.Analyst;
    }

    public TestData Data { get; }

    public CohortScoreService Scores { get; }

    public HealthRecomputes Health { get; } = new();

    public CheckInOptions Options { get; } = new() { OpensMinutesBeforeStart = 15, LateAfterMinutes = 10 };

    public UserContext User { get; set; }

    public FixedClock Clock => (FixedClock)_database.Clock;

    /// <summary>Sets "now" to a local (UTC+8) moment.</summary>
    public void LocalNow(DateOnly day, int hour, int minute) =>
        Clock.UtcNow = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, minute)).AddHours(-8), DateTimeKind.Utc);

    private IDbContextFactory<TrainingDbContext> SignedIn => _database.FactoryFor(new CurrentUserOf(() => User));

    private IRecordAccess Access => new RecordAccess(new CurrentUserOf(() => User), _database.Factory, NullLogger<RecordAccess>.Instance);

    private static LocalTime Local => new(Microsoft.Extensions.Options.Options.Create(new TrainingEvalOptions { TimeZone = "Asia/Shanghai" }));

    public SessionService Sessions => new(SignedIn, Access, new SessionFormValidator(Text), Health, _database.Clock, Local, Text);

    public AttendanceService Attendance => new(SignedIn, Access, new CurrentUserOf(() => User), Scores, Health, _database.Clock, Local,
        Microsoft.Extensions.Options.Options.Create(Options), Text, NullLogger<AttendanceService>.Instance);

    /// <summary>A trainer account (Trainer role, an AspNetUsers row), linked to the test cohort when <paramref name="linked"/>.</summary>
    public async Task<UserContext> TrainerAsync(string name, bool linked, int? cohortId = null)
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
        if (linked)
            db.CohortTrainers.Add(new CohortTrainer { CohortId = cohortId ?? Data.Cohort.Id, UserId = id });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return TestUsers.In(name, Roles.Trainer) with { UserId = id };
    }

    /// <summary>The learner account of enrollment <paramref name="i"/>.</summary>
    public UserContext Learner(int i) => TestUsers.Learner(Data[i].LearnerId) with { Name = Data[i].Learner!.EmployeeNumber };

    /// <summary>Schedules a session as staff (09:00–12:00 on <paramref name="day"/> unless said) and returns its id.</summary>
    public async Task<int> ScheduleAsync(DateOnly day, string start = "09:00", string end = "12:00", string title = "精益基础")
    {
        var user = User;
        User = TestUsers.Analyst;
        try
        {
            return await Sessions.SaveAsync(Data.Cohort.Id, new SessionInput
            {
                HeldOn = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Start = start, End = end, Title = title, TitleEn = "Lean basics",
            }, TestContext.Current.CancellationToken);
        }
        finally
        {
            User = user;
        }
    }

    public async Task<string> CodeOfAsync(int sessionId)
    {
        await using var db = _database.CreateContext();
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.CheckInCode!).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<AttendanceRecord?> MarkOfAsync(int sessionId, int enrollment)
    {
        await using var db = _database.CreateContext();
        var id = Data[enrollment].Id;
        return await db.Attendance.AsNoTracking().SingleOrDefaultAsync(a => a.SessionId == sessionId && a.EnrollmentId == id, TestContext.Current.CancellationToken);
    }
}
