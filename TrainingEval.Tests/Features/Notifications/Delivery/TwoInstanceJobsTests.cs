using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Notifications.Delivery;

/// <summary>
/// Two dashboard instances on one PostgreSQL database and one SMTP server, both with their weekly job and outbox sender:
/// the week runs once (one set of snapshots, one digest per mentor, alerts not doubled) and every message is e-mailed once.
/// </summary>
public sealed class TwoInstanceJobsTests : IAsyncLifetime
{
    private static readonly IsoWeek Week12 = new(2026, 12);

    private PostgresServer _postgres = null!;
    private string? _database;
    private DeliveryDashboard? _a;
    private DeliveryDashboard? _b;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _postgres = await PostgresServer.GetAsync();
        _database = await _postgres.CreateDatabaseAsync();
        _a = await DeliveryDashboard.StartAsync(postgresConnectionString: _postgres.ConnectionString(_database));
        _b = _a.StartAnotherInstance();
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null)
            await _b.DisposeAsync();
        if (_a is not null)
            await _a.DisposeAsync();
        if (_database is not null)
            await _postgres.DropDatabaseAsync(_database);
    }

    private static HealthSnapshotJob Job(DeliveryDashboard app) =>
        app.Server.Services.GetServices<IHostedService>().OfType<HealthSnapshotJob>().Single();

    [Fact]
    public async Task The_weekly_run_on_two_instances_at_once_writes_one_set_and_every_message_is_sent_once()
    {
        var (a, b) = (_a!, _b!);
        await a.AddAccountAsync("mentor.two", Roles.Mentor, "wang@example.test", "en");
        await a.AddMissedSessionsAsync();

        var runs = await Task.WhenAll(Job(a).RunWeekAsync(Week12, Ct), Job(b).RunWeekAsync(Week12, Ct));

        runs.ShouldContain(true);
        await using (var db = await a.Factory.CreateDbContextAsync(Ct))
        {
            (await db.HealthSnapshots.CountAsync(s => s.IsoYear == 2026 && s.IsoWeek == 12, Ct)).ShouldBe(3);
            (await db.Alerts.CountAsync(Ct)).ShouldBe(3);
            (await db.Notifications.CountAsync(n => n.Kind == NotificationKind.WeeklyDigest && n.IsoYear == 2026 && n.IsoWeek == 12, Ct)).ShouldBe(1);
        }
        // Three alerts and the digest, each e-mailed once although both instances' senders poll every 100 ms.
        await a.WaitUntilSentAsync();
        var outbox = await a.OutboxAsync();
        outbox.Count.ShouldBe(4);
        outbox.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
        await a.Smtp.WaitForAsync(4);
        await Task.Delay(500, Ct);
        a.Smtp.Messages().Count.ShouldBe(4);
    }

    [Fact]
    public async Task An_instance_that_finds_the_job_held_by_another_skips_it()
    {
        var jobLock = _a!.Get<JobLock>();
        await using (var held = await jobLock.TryAcquireAsync(SharedJob.HealthSnapshots, Ct))
        {
            held.ShouldNotBeNull();
            (await Job(_b!).RunWeekAsync(Week12, Ct)).ShouldBeFalse();
            (await _b!.Get<JobLock>().TryAcquireAsync(SharedJob.HealthSnapshots, Ct)).ShouldBeNull();
        }
        await using (var db = await _a.Factory.CreateDbContextAsync(Ct))
            (await db.HealthSnapshots.CountAsync(Ct)).ShouldBe(0);
        (await Job(_b).RunWeekAsync(Week12, Ct)).ShouldBeTrue();
    }
}
