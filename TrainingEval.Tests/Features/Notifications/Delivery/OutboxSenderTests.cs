using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Notifications.Delivery;

/// <summary>
/// The background sender over a real SQLite file: two senders (as two app instances) on one database send every message
/// once; failures back off exponentially and give up after the limit; a dead sender's lease runs out and another takes over.
/// </summary>
public sealed class OutboxSenderTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trainingeval-outbox", Guid.NewGuid().ToString("N"));
    private readonly FixedClock _clock = new(new DateTime(2026, 4, 1, 8, 0, 0));
    private ServiceProvider _localization = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _localization = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        await using var db = Factory().CreateDbContext();
        await db.Database.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _localization.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A context factory of its own on the shared file, as each app instance has.</summary>
    private FileFactory Factory() => new(Path.Combine(_folder, "outbox.db"), _clock, _actor);

    /// <summary>Who the contexts audit as (the system unless a test scopes someone), as the app's circuit user.</summary>
    private readonly CurrentActor _actor = new();

    private sealed class FileFactory(string path, TimeProvider clock, CurrentActor actor) : IDbContextFactory<TrainingDbContext>
    {
        private readonly DbContextOptions<TrainingDbContext> _options = Options(path);

        private static DbContextOptions<TrainingDbContext> Options(string path)
        {
            var builder = new DbContextOptionsBuilder<TrainingDbContext>();
            DatabaseProviderSetup.Configure(builder, new DatabaseOptions { SqlitePath = path }, Path.GetDirectoryName(path)!);
            return builder.Options;
        }

        public TrainingDbContext CreateDbContext() => new(_options, actor, clock);
    }

    /// <summary>Counts deliveries per message id; optionally slow, or failing.</summary>
    private sealed class CountingTransport(Func<OutgoingMessage, Exception?>? fail = null, TimeSpan? delay = null) : IMessageTransport
    {
        public ConcurrentBag<string> Delivered { get; } = [];

        public bool Handles(DeliveryChannel channel) => true;

        public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (delay is { } d)
                await Task.Delay(d, cancellationToken);
            if (fail?.Invoke(message) is { } ex)
                throw ex;
            Delivered.Add(message.Subject);
        }
    }

    private sealed class NoAttachments : IAttachmentRenderer
    {
        public Task<MessageAttachment> RenderAsync(string reference, string culture, CancellationToken cancellationToken) =>
            throw new PermanentDeliveryException("no attachments here");
    }

    private OutboxSender Sender(IMessageTransport transport, OutboxOptions? options = null) =>
        new(Factory(), [transport], new NoAttachments(), _localization.GetRequiredService<IStringLocalizer<DeliveryStrings>>(),
            Options.Create(options ?? new OutboxOptions { BatchSize = 5 }), _clock, NullLogger<OutboxSender>.Instance);

    private async Task AddMessagesAsync(int count, string? batchKey = null)
    {
        await using var db = Factory().CreateDbContext();
        var start = await db.Outbox.CountAsync(Ct);
        for (var i = start; i < start + count; i++)
        {
            db.Outbox.Add(new OutboxMessage
            {
                Channel = DeliveryChannel.Email, Topic = MessageTopic.Alert, Recipient = $"m{i}@example.test", Culture = "en",
                Subject = $"message {i}", BodyText = "text", BodyHtml = "<p>html</p>", BodyMarkdown = "md", DedupeKey = $"test:{i}",
                BatchKey = batchKey, Status = OutboxStatus.Pending, NextAttemptAt = _clock.UtcNow, CreatedAt = _clock.UtcNow,
            });
        }
        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var db = Factory().CreateDbContext();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Two_senders_on_one_database_send_every_message_exactly_once()
    {
        await AddMessagesAsync(60);
        var transport = new CountingTransport(delay: TimeSpan.FromMilliseconds(5));
        var first = Sender(transport);
        var second = Sender(transport);

        async Task DrainAsync(OutboxSender sender)
        {
            while ((await sender.SendDueAsync(Ct)).Claimed > 0)
            {
            }
        }
        await Task.WhenAll(Task.Run(() => DrainAsync(first), Ct), Task.Run(() => DrainAsync(second), Ct), Task.Run(() => DrainAsync(first), Ct));

        transport.Delivered.Count.ShouldBe(60);
        transport.Delivered.Distinct().Count().ShouldBe(60);
        var rows = await RowsAsync();
        rows.ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.Attempts == 1 && m.LeaseToken == null && m.SentAt != null);
    }

    [Fact]
    public async Task A_failure_waits_twice_as_long_each_time_and_gives_up_after_the_limit()
    {
        await AddMessagesAsync(1);
        var options = new OutboxOptions { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(1) };
        var sender = Sender(new CountingTransport(fail: _ => new IOException("connection refused")), options);

        (await sender.SendDueAsync(Ct)).Retrying.ShouldBe(1);
        var row = (await RowsAsync()).Single();
        (row.Status, row.Attempts, row.NextAttemptAt, row.LastError).ShouldBe((OutboxStatus.Pending, 1, _clock.UtcNow.AddMinutes(1), "IOException: connection refused"));
        (await sender.SendDueAsync(Ct)).Claimed.ShouldBe(0); // not due yet

        _clock.UtcNow = _clock.UtcNow.AddMinutes(1);
        await sender.SendDueAsync(Ct);
        (await RowsAsync()).Single().NextAttemptAt.ShouldBe(_clock.UtcNow.AddMinutes(2));

        _clock.UtcNow = _clock.UtcNow.AddMinutes(2);
        (await sender.SendDueAsync(Ct)).Failed.ShouldBe(1);
        row = (await RowsAsync()).Single();
        (row.Status, row.Attempts).ShouldBe((OutboxStatus.Failed, 3));
        _clock.UtcNow = _clock.UtcNow.AddDays(1);
        (await sender.SendDueAsync(Ct)).Claimed.ShouldBe(0);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        await AddMessagesAsync(1);
        var sender = Sender(new CountingTransport(fail: _ => new PermanentDeliveryException("\"x\" is not an e-mail address.")));

        (await sender.SendDueAsync(Ct)).Failed.ShouldBe(1);

        var row = (await RowsAsync()).Single();
        (row.Status, row.Attempts).ShouldBe((OutboxStatus.Failed, 1));
        row.LastError!.ShouldContain("is not an e-mail address");
    }

    [Fact]
    public async Task A_lease_of_a_sender_that_died_runs_out_and_another_sender_sends_the_message()
    {
        await AddMessagesAsync(1);
        // The first sender claims the message and "dies" before sending: the claim is all it wrote.
        await using (var db = Factory().CreateDbContext())
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseToken, "dead")
                .SetProperty(m => m.LeaseUntil, _clock.UtcNow.AddMinutes(5)), Ct);
        var transport = new CountingTransport();
        var survivor = Sender(transport);

        (await survivor.SendDueAsync(Ct)).Claimed.ShouldBe(0);
        _clock.UtcNow = _clock.UtcNow.AddMinutes(6);
        (await survivor.SendDueAsync(Ct)).Sent.ShouldBe(1);

        transport.Delivered.ShouldBe(["message 0"]);
    }

    [Fact]
    public async Task Messages_of_one_hourly_batch_go_out_as_one_message()
    {
        await AddMessagesAsync(3, batchKey: "alerts:u1:Email:2026040109");
        await AddMessagesAsync(1);
        var transport = new CountingTransport();

        await Sender(transport, new OutboxOptions { BatchSize = 2 }).SendDueAsync(Ct);
        await Sender(transport, new OutboxOptions { BatchSize = 2 }).SendDueAsync(Ct);

        transport.Delivered.OrderBy(s => s, StringComparer.Ordinal).ShouldBe(["[TrainingEval] 3 new alerts", "message 3"], ignoreOrder: true);
        (await RowsAsync()).ShouldAllBe(m => m.Status == OutboxStatus.Sent);
    }

    [Fact]
    public async Task An_admin_sends_a_failed_message_again_audited_and_nobody_else_may()
    {
        await AddMessagesAsync(2);
        await Sender(new CountingTransport(fail: m => m.Subject == "message 0" ? new PermanentDeliveryException("refused") : null)).SendDueAsync(Ct);
        var failed = (await RowsAsync()).Single(m => m.Status == OutboxStatus.Failed);
        var secrets = new DeliverySecrets(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        OutboxAdministration As(Dashboard.Infrastructure.Security.UserContext user) => new(Factory(), TestUsers.AccessFor(Factory(), user), secrets, _clock);
        var adminUser = TestUsers.In("admin.zhou", Dashboard.Infrastructure.Security.Roles.Admin);
        var admin = As(adminUser);
        using var signedIn = _actor.As(adminUser);

        (await admin.CountsAsync(Ct)).ShouldBe(new Dictionary<OutboxStatus, int> { [OutboxStatus.Failed] = 1, [OutboxStatus.Sent] = 1 }, ignoreOrder: true);
        (await admin.ListAsync(OutboxStatus.Failed, Ct)).ShouldHaveSingleItem().LastError.ShouldBe("PermanentDeliveryException: refused");
        await admin.RetryAsync(failed.Id, Ct);

        var row = (await RowsAsync()).Single(m => m.Id == failed.Id);
        (row.Status, row.Attempts, row.NextAttemptAt).ShouldBe((OutboxStatus.Pending, 0, _clock.UtcNow));
        await using (var db = Factory().CreateDbContext())
            (await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(OutboxMessage), Ct)).ShouldSatisfyAllConditions(
                a => a.Actor.ShouldBe("admin.zhou"), a => a.OldValue.ShouldBe("Failed"), a => a.EntityKey.ShouldBe(failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sent = (await RowsAsync()).Single(m => m.Status == OutboxStatus.Sent);
        (await Should.ThrowAsync<DataValidationException>(() => admin.RetryAsync(sent.Id, Ct))).Message.ShouldBe($"Message {sent.Id} is Sent; only failed or waiting messages are sent again.");
        await Should.ThrowAsync<Dashboard.Infrastructure.Security.AccessDeniedException>(() =>
            As(TestUsers.In("analyst", Dashboard.Infrastructure.Security.Roles.HrAnalyst)).RetryAsync(failed.Id, Ct));
    }
}
