using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Tests.Support;

/// <summary>
/// bUnit base for the mentoring pages: the production component registrations over a real SQLite test database
/// holding <see cref="TestData"/> (mentor M001 with learners E001…), the health services as the app registers them,
/// and a signed-in user a test can switch (<see cref="User"/>; the mentor by default). "Now" is 2026-04-01.
/// </summary>
public abstract class MentoringTestContext : DashboardTestContext, IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 4, 1, 12, 0, 0, DateTimeKind.Utc);

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected TestDatabase Database { get; private set; } = null!;

    protected TestData Data { get; private set; } = null!;

    /// <summary>The data services wired over <see cref="Database"/>, acting for <see cref="User"/>.</summary>
    protected Services Backend { get; private set; } = null!;

    /// <summary>Who is signed in, for the components and <see cref="Backend"/> alike.</summary>
    protected UserContext User
    {
        get => Backend.User;
        set => Backend.User = value;
    }

    protected UserContext MentorUser => new("wang", new HashSet<string> { Roles.Mentor }, null, Data.Mentor.Id);

    protected UserContext LearnerUser(int index) => new($"learner{index + 1}", new HashSet<string> { Roles.Learner }, Data[index].LearnerId, null);

    protected static UserContext Analyst { get; } = new("analyst", new HashSet<string> { Roles.HrAnalyst }, null, null);

    protected virtual int LearnerCount => 5;

    public virtual async ValueTask InitializeAsync()
    {
        UseCulture("en");
        Database = await TestDatabase.CreateAsync(new FixedClock(Now));
        Data = await TestData.CreateAsync(Database, learners: LearnerCount);
        Backend = new Services(Database) { User = UserContext.System };
        User = MentorUser;
        Services.AddSingleton(Database.Factory);
        Services.AddSingleton(Database.Clock);
        Services.AddScoped<ICurrentUser>(_ => new CurrentUserOf(() => Backend.User));
        Services.AddSingleton(_ => Backend.Ratings);
        Services.AddScoped<AlertService>();
        Services.AddScoped<NotificationService>();
        Services.AddScoped<InboxState>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stores a weekly snapshot of learner <paramref name="index"/> with the band the index falls in.</summary>
    protected async Task AddSnapshotAsync(int index, IsoWeek week, double? value)
    {
        await using var db = Database.CreateContext();
        db.HealthSnapshots.Add(new LearningHealthSnapshot
        {
            LearnerId = Data[index].LearnerId,
            IsoYear = week.Year,
            IsoWeek = week.Week,
            WeekEnd = week.End,
            Index = value,
            Band = value is { } v ? LearningHealthBands.Classify(v) : null,
            ComputedAt = Now,
        });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Raises an alert for learner <paramref name="index"/> with its notifications for the mentor and HR, as the services do.</summary>
    protected async Task<Alert> AddAlertAsync(int index, AlertType type, string detail, string suggestion, DateTime? raisedAt = null)
    {
        await using var db = Database.CreateContext();
        var at = raisedAt ?? Now.AddDays(-2);
        var week = IsoWeek.Of(DateOnly.FromDateTime(at));
        var alert = new Alert
        {
            LearnerId = Data[index].LearnerId,
            EnrollmentId = Data[index].Id,
            MentorId = Data.Mentor.Id,
            Type = type,
            Status = AlertStatus.Open,
            RaisedAt = at,
            Detail = detail,
            Suggestion = suggestion,
            IsoYear = week.Year,
            IsoWeek = week.Week,
        };
        db.Alerts.Add(alert);
        db.Notifications.Add(new Notification { Kind = NotificationKind.Alert, Alert = alert, IsoYear = week.Year, IsoWeek = week.Week, CreatedAt = at });
        db.Notifications.Add(new Notification { Kind = NotificationKind.Alert, Alert = alert, MentorId = Data.Mentor.Id, IsoYear = week.Year, IsoWeek = week.Week, CreatedAt = at });
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
        return alert;
    }

    protected async Task<T> QueryAsync<T>(Func<TrainingDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    protected async Task<Alert> ReloadAlertAsync(int id) =>
        await QueryAsync(db => db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id, Ct));
}
