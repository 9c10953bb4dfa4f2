using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Notifications.Delivery;

/// <summary>
/// Messages follow their alerts: written in the snapshot run's transaction, and cancelled while still waiting (an hourly
/// batch) when an import's next file withdraws the alert they tell of.
/// </summary>
public sealed class WithdrawnAlertMessageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private ServiceProvider _localization = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        var data = await TestData.CreateAsync(_database);
        _localization = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        await using var db = _database.CreateContext();
        var account = new UserAccount { UserName = "wang", NormalizedUserName = "WANG", DisplayName = "王师傅", Email = "wang@example.test", MentorId = data.Mentor.Id };
        db.Users.Add(account);
        db.NotificationPreferences.Add(new NotificationPreference { UserId = account.Id, Topic = MessageTopic.Alert, Frequency = DeliveryFrequency.Hourly, ByEmail = true });
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _localization.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HealthSnapshotService Health()
    {
        var app = new TrainingEvalOptions { DefaultCulture = "zh-CN" };
        app.SupportedCultures.Add("zh-CN");
        app.SupportedCultures.Add("en");
        var writer = new OutboxWriter(_localization.GetRequiredService<IStringLocalizer<DeliveryStrings>>(), _localization.GetRequiredService<IStringLocalizer<MentorStrings>>(),
            Options.Create(new EmailOptions { Host = "127.0.0.1", Sender = "te@example.test" }), Options.Create(app), new PublicLinks("https://te.example.test"),
            new DeliverySecrets(new EphemeralDataProtectionProvider()));
        return new(_database.Factory, _database.Clock, Options.Create(new HealthOptions()), NullLogger<HealthSnapshotService>.Instance, writer);
    }

    [Fact]
    public async Task Waiting_messages_of_alerts_an_import_withdraws_are_cancelled_and_the_rest_still_go()
    {
        var queue = new HealthRecomputes();
        var import = ImportTestKit.Service(_database, queue);
        var health = Health();
        await RecordFiles.ImportThroughAsync(import, ImportKind.Assignments);
        var first = (await queue.RunPendingAsync(health, Ct))!;
        first.AlertsRaised.ShouldBeGreaterThan(0);
        await using (var db = _database.CreateContext())
        {
            var written = await db.Outbox.AsNoTracking().ToListAsync(Ct);
            written.Count.ShouldBe(await db.Alerts.CountAsync(a => a.MentorId != null, Ct));
            written.ShouldAllBe(m => m.Status == OutboxStatus.Pending && m.BatchKey != null && m.Culture == "zh-CN" && m.Recipient == "wang@example.test");
        }

        await import.ImportCsvAsync(ImportKind.Submissions, RecordFiles.Csv(ImportKind.Submissions));
        var second = (await queue.RunPendingAsync(health, Ct))!;

        second.AlertsWithdrawn.ShouldBeGreaterThan(0);
        await using var check = _database.CreateContext();
        var alertIds = await check.Alerts.Select(a => a.Id).ToListAsync(Ct);
        var rows = await check.Outbox.AsNoTracking().ToListAsync(Ct);
        rows.Count(m => m.Status == OutboxStatus.Cancelled).ShouldBe(second.AlertsWithdrawn);
        // What is still waiting tells of alerts that exist.
        rows.Where(m => m.Status == OutboxStatus.Pending).ShouldAllBe(m => m.AlertId != null && alertIds.Contains(m.AlertId.Value));
    }
}
