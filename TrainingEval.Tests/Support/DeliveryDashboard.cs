using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Tests.Support;

/// <summary>
/// A running dashboard (no demo data, no weekly job) whose outbox sender polls every 100 ms and retries after 200 ms,
/// e-mailing through a real SMTP server (<see cref="SmtpSink"/>) and calling webhooks on loopback; with the small
/// organisation of <see cref="TestData"/> and accounts made as a test needs them.
/// </summary>
public sealed class DeliveryDashboard : IAsyncDisposable
{
    public const string BaseUrl = "https://trainingeval.example.test";

    private readonly bool _ownsSmtp;

    private DeliveryDashboard(SmtpSink smtp, DashboardServer server, TestData data, bool ownsSmtp = true)
    {
        Smtp = smtp;
        Server = server;
        Data = data;
        _ownsSmtp = ownsSmtp;
    }

    public SmtpSink Smtp { get; }
    public DashboardServer Server { get; }
    public TestData Data { get; }

    public IDbContextFactory<TrainingDbContext> Factory => Server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();

    public T Get<T>() where T : notnull => Server.Services.GetRequiredService<T>();

    /// <param name="postgresConnectionString">Null: the dashboard's own SQLite file; else this PostgreSQL database.</param>
    public static async Task<DeliveryDashboard> StartAsync(int learners = 3, string? postgresConnectionString = null)
    {
        var smtp = await SmtpSink.StartNewAsync();
        var server = NewServer(smtp, postgresConnectionString);
        _ = server.Services; // starts the host: migrations, roles
        var data = await TestData.CreateAsync(server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>(), learners);
        return new DeliveryDashboard(smtp, server, data);
    }

    /// <summary>
    /// A second instance of this dashboard on the same PostgreSQL database and SMTP server (two servers of one
    /// installation), with the same organisation; disposing it leaves the first running.
    /// </summary>
    public DeliveryDashboard StartAnotherInstance()
    {
        if (!Server.Settings.TryGetValue("TrainingEval:Database:PostgresConnectionString", out var connectionString) || connectionString is null)
            throw new InvalidOperationException("Two instances share a database only on PostgreSQL.");
        var server = NewServer(Smtp, connectionString);
        _ = server.Services;
        return new DeliveryDashboard(Smtp, server, Data, ownsSmtp: false);
    }

    private static DashboardServer NewServer(SmtpSink smtp, string? postgresConnectionString)
    {
        var server = new DashboardServer();
        if (postgresConnectionString is not null)
        {
            server.Settings["TrainingEval:Database:Provider"] = "Postgres";
            server.Settings["TrainingEval:Database:PostgresConnectionString"] = postgresConnectionString;
        }
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["TrainingEval:DemoData:Enabled"] = "false",
            ["TrainingEval:Health:BackgroundJobEnabled"] = "false",
            ["TrainingEval:PublicBaseUrl"] = BaseUrl,
            ["TrainingEval:Email:Host"] = "127.0.0.1",
            ["TrainingEval:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TrainingEval:Email:Security"] = "None",
            ["TrainingEval:Email:Sender"] = "trainingeval@example.test",
            ["TrainingEval:Email:Timeout"] = "00:00:05",
            ["TrainingEval:Outbox:PollInterval"] = "00:00:00.100",
            ["TrainingEval:Outbox:FirstRetryDelay"] = "00:00:00.200",
            ["TrainingEval:Outbox:MaxRetryDelay"] = "00:00:00.500",
            ["TrainingEval:Outbox:MaxAttempts"] = "1000",
            ["TrainingEval:Webhooks:AllowHttp"] = "true",
            ["TrainingEval:Webhooks:AllowedHosts:0"] = "127.0.0.1",
        })
            server.Settings[key] = value;
        return server;
    }

    /// <summary>An account with a role, linked to the test mentor for <see cref="Roles.Mentor"/>, with its delivery profile.</summary>
    public async Task<string> AddAccountAsync(string userName, string role, string? email, string culture, DeliveryChannel? webhook = null, WebhookTarget? target = null)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = new UserAccount
        {
            UserName = userName, DisplayName = userName, Email = email, CreatedAt = DateTime.UtcNow,
            MentorId = role == Roles.Mentor ? Data.Mentor.Id : null,
        };
        (await users.CreateAsync(account, "Delivery-Test-2026!x")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(account, role)).Succeeded.ShouldBeTrue();
        await using var db = await Factory.CreateDbContextAsync();
        db.NotificationProfiles.Add(new NotificationProfile
        {
            UserId = account.Id, Culture = culture, WebhookService = webhook,
            WebhookProtected = target is null ? null : Get<DeliverySecrets>().Seal(target),
        });
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>Sessions in week 12 of 2026 that every learner missed: the snapshot run raises one at-risk alert each.</summary>
    public async Task AddMissedSessionsAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        var seq = await db.Sessions.CountAsync();
        foreach (var day in new DateOnly[] { new(2026, 3, 17), new(2026, 3, 18) })
        {
            var session = new CohortSession { CohortId = Data.Cohort.Id, Sequence = ++seq, HeldOn = day, Name = $"课 {seq}", DurationMinutes = 90 };
            db.Sessions.Add(session);
            foreach (var enrollment in Data.Enrollments)
                db.Attendance.Add(new AttendanceRecord { Session = session, EnrollmentId = enrollment.Id, Status = AttendanceStatus.Absent });
        }
        db.AuditingEnabled = false;
        await db.SaveChangesAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Waits until the outbox has nothing left to send (pending or sending).</summary>
    public async Task WaitUntilSentAsync(TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while ((await OutboxAsync()).Any(m => m.Status is OutboxStatus.Pending or OutboxStatus.Sending) && DateTime.UtcNow < until)
            await Task.Delay(100);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_ownsSmtp)
            await Smtp.DisposeAsync();
    }
}
