using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Live;

/// <summary>
/// Two notifiers on one PostgreSQL database stand for two dashboard servers: what one publishes reaches the other's
/// pages through LISTEN/NOTIFY, each page hears each change once, and a listener whose connection is killed comes back.
/// </summary>
public sealed class PostgresScoreChangeNotifierTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private PostgresServer _server = default!;
    private string _database = default!;
    private PostgresScoreChangeNotifier _a = default!;
    private PostgresScoreChangeNotifier _b = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        _database = await _server.CreateEmptyDatabaseAsync();
        _a = new PostgresScoreChangeNotifier(_server.ConnectionString(_database), NullLoggerFactory.Instance);
        _b = new PostgresScoreChangeNotifier(_server.ConnectionString(_database), NullLoggerFactory.Instance);
        await _a.StartAsync(Ct);
        await _b.StartAsync(Ct);
        await WaitUntilListeningAsync(_a);
        await WaitUntilListeningAsync(_b);
    }

    public async ValueTask DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.StopAsync(CancellationToken.None);
            _a.Dispose();
        }
        if (_b is not null)
        {
            await _b.StopAsync(CancellationToken.None);
            _b.Dispose();
        }
        if (_database is not null)
            await _server.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_change_published_on_one_server_reaches_the_other_and_each_page_hears_it_once()
    {
        var onA = new ConcurrentQueue<int>();
        var onB = new ConcurrentQueue<int>();
        using var pageOnA = _a.Subscribe(c => { onA.Enqueue(c.CohortId); return Task.CompletedTask; });
        using var pageOnB = _b.Subscribe(c => { onB.Enqueue(c.CohortId); return Task.CompletedTask; });

        await _a.PublishAsync(new CohortScoresChanged(41));
        await _b.PublishAsync(new CohortScoresChanged(42));

        await WaitForAsync(() => onA.Count >= 2 && onB.Count >= 2);
        // The echoes of a server's own NOTIFY arrive too; a short grace shows they are not delivered a second time.
        await Task.Delay(500, Ct);
        onA.Order().ShouldBe([41, 42]);
        onB.Order().ShouldBe([41, 42]);
    }

    [Fact]
    public async Task A_listener_whose_connection_is_terminated_reconnects_and_hears_later_changes()
    {
        var onB = new ConcurrentQueue<int>();
        using var pageOnB = _b.Subscribe(c => { onB.Enqueue(c.CohortId); return Task.CompletedTask; });
        await using (var admin = new NpgsqlConnection(_server.ConnectionString(_database)))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", admin);
            kill.Parameters.AddWithValue("name", $"{PostgresScoreChangeNotifier.ListenerApplicationName} {_b.InstanceId}");
            ((long)(await kill.ExecuteScalarAsync(Ct))!).ShouldBe(1);
        }
        await WaitForAsync(async () => await ListenerBackendsAsync(_b) == 0);

        await WaitUntilListeningAsync(_b);
        await _a.PublishAsync(new CohortScoresChanged(7));

        await WaitForAsync(() => onB.Contains(7));
    }

    private async Task WaitUntilListeningAsync(PostgresScoreChangeNotifier notifier) =>
        await WaitForAsync(async () => await ListenerBackendsAsync(notifier) == 1);

    /// <summary>How many backends of the notifier's listener have run their LISTEN (0 while it is reconnecting).</summary>
    private async Task<long> ListenerBackendsAsync(PostgresScoreChangeNotifier notifier)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString(_database));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND query LIKE 'LISTEN%'", connection);
        command.Parameters.AddWithValue("name", $"{PostgresScoreChangeNotifier.ListenerApplicationName} {notifier.InstanceId}");
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Not reached within {Patience.TotalSeconds} s.");
            await Task.Delay(50, Ct);
        }
    }
}
