using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Live;

/// <summary>
/// The <see cref="IScoreChangeNotifier"/> of several instances over one PostgreSQL database: a change is delivered to
/// this instance's pages at once and announced to the others with <c>NOTIFY</c>; a hosted listener (one dedicated
/// connection doing <c>LISTEN</c>) hands the others' announcements to this instance's pages.
/// </summary>
/// <remarks>
/// Local pages hear a change immediately (not through the database's echo), so an instance whose listener is
/// reconnecting still updates its own pages; its own echoes are recognised by the instance id in the payload and
/// dropped, so each page hears each change exactly once. Changes announced while the listener is down are missed by
/// this instance's pages (logged); the next change or a reload shows the current scores, which are always read from
/// the database.
/// </remarks>
public sealed partial class PostgresScoreChangeNotifier : BackgroundService, IScoreChangeNotifier
{
    /// <summary>The channel every TrainingEval instance listens on (a constant identifier: LISTEN takes no parameter).</summary>
    public const string Channel = "trainingeval_scores";

    /// <summary>Starts the application name of the listener's connection (then the instance id), so operators see it in pg_stat_activity.</summary>
    public const string ListenerApplicationName = "TrainingEval live scores";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly InProcessScoreChangeNotifier _local;
    private readonly string _connectionString;
    private readonly ILogger<PostgresScoreChangeNotifier> _logger;

    public PostgresScoreChangeNotifier(string connectionString, ILoggerFactory loggers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(loggers);
        _connectionString = connectionString;
        _local = new InProcessScoreChangeNotifier(loggers.CreateLogger<InProcessScoreChangeNotifier>());
        _logger = loggers.CreateLogger<PostgresScoreChangeNotifier>();
    }

    /// <summary>Identifies this instance's announcements in the payload ("instance:cohort").</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    public IDisposable Subscribe(Func<CohortScoresChanged, Task> onChange) => _local.Subscribe(onChange);

    public async Task PublishAsync(CohortScoresChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _local.PublishAsync(change);
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", Payload(InstanceId, change.CohortId));
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            // The scores are saved; only the other instances' open pages stay as they are until their next change or reload.
            LogPublishFailed(_logger, ex, change.CohortId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => retry = FirstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of the connection (server restart, terminated backend, network) is retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogListenerDropped(_logger, ex, retry.TotalSeconds);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString)
        {
            ApplicationName = $"{ListenerApplicationName} {InstanceId}",
            // The listener's connection is held for the app's life: outside the pool, so a pool reset never drops the LISTEN.
            Pooling = false,
            // A silently dead network path is noticed within a minute instead of never.
            KeepAlive = 30,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var received = new Queue<int>();
        connection.Notification += (_, e) =>
        {
            if (TryReadPayload(e.Payload, out var instance, out var cohortId) && instance != InstanceId)
                received.Enqueue(cohortId);
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        LogListening(_logger, InstanceId);
        connected();
        while (true)
        {
            // Notification events are raised inside WaitAsync, on this loop: the queue needs no lock.
            await connection.WaitAsync(stoppingToken);
            while (received.TryDequeue(out var cohortId))
                await _local.PublishAsync(new CohortScoresChanged(cohortId));
        }
    }

    private static string Payload(Guid instance, int cohortId) =>
        string.Create(CultureInfo.InvariantCulture, $"{instance:N}:{cohortId}");

    private static bool TryReadPayload(string payload, out Guid instance, out int cohortId)
    {
        cohortId = 0;
        instance = Guid.Empty;
        var parts = payload.Split(':');
        return parts.Length == 2
            && Guid.TryParseExact(parts[0], "N", out instance)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out cohortId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for score changes of the other instances (instance {InstanceId})")]
    private static partial void LogListening(ILogger logger, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The score-change listener lost its PostgreSQL connection; reconnecting in {Seconds} s (changes on other instances meanwhile do not reach this instance's open pages)")]
    private static partial void LogListenerDropped(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The score change of cohort {CohortId} could not be announced to the other instances; their open pages show it at the next change or reload")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int cohortId);
}
