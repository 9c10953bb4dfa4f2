using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

[assembly: AssemblyFixture(typeof(TrainingEval.Tests.Support.PostgresServerShutdown))]

namespace TrainingEval.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the tests, started by the tests themselves so that the README's test command works
/// on a fresh machine: a cluster in a temp folder (initdb), on 127.0.0.1 at a free port with its socket in that folder,
/// fsync off. One per test run, started by the first test that needs it and stopped and deleted at the end
/// (<see cref="PostgresServerShutdown"/>). It holds a database migrated with the PostgreSQL migrations, which each test
/// database copies (<see cref="CreateDatabaseAsync"/>: <c>CREATE DATABASE … TEMPLATE</c>, a file copy).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root; as root (this machine and CI) initdb and pg_ctl run as the <c>postgres</c> user that
/// Debian's package creates (<c>runuser -u postgres --</c>), with the folder given to it. Without the binaries the tests
/// are skipped locally and FAIL when the environment has CI=true, as the browser tests do without Chromium.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string TemplateName = "migrated_template";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string _folder;
    private readonly string _binaries;
    private readonly int _port;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private int _databases;

    private PostgresServer(string folder, string binaries, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _port = port;
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>The server of this test run, started on first use; skips the test (fails it in CI) when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        if (FindBinaries() is null)
        {
            const string message = "PostgreSQL is not installed: no initdb in /usr/lib/postgresql/*/bin or on the PATH (Debian: apt-get install -y postgresql).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(message + " PostgreSQL tests cannot be skipped in CI.");
            Assert.Skip(message);
        }
        return await Shared.Value;
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = database,
        // Several contexts of a test may be open at once (services run in parallel); the default pool of 100 is plenty.
        Timeout = 30,
        CommandTimeout = 120,
    }.ConnectionString;

    /// <summary>A new, empty database with nothing applied (for migration and start-up tests).</summary>
    public Task<string> CreateEmptyDatabaseAsync() => CreateAsync(template: null);

    /// <summary>A new database with every PostgreSQL migration applied (a copy of the migrated template).</summary>
    public Task<string> CreateDatabaseAsync() => CreateAsync(TemplateName);

    /// <summary>Closes the pooled connections to <paramref name="database"/> and drops it.</summary>
    public async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>A database name no test has used yet on this server (nothing is created).</summary>
    public string UnusedDatabaseName() => string.Create(CultureInfo.InvariantCulture, $"t_{Interlocked.Increment(ref _databases)}");

    private async Task<string> CreateAsync(string? template)
    {
        var name = UnusedDatabaseName();
        // One CREATE DATABASE at a time: copying a template needs it free of other sessions, and creates are quick.
        await _createLock.WaitAsync();
        try
        {
            await ExecuteAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            _createLock.Release();
        }
        return name;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries()!;
        var folder = Path.Combine(Path.GetTempPath(), "trainingeval-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, binaries, FreePort());
        try
        {
            if (RunsAsRoot)
                await server.RunAsync("chown", ["-R", "postgres:", folder], asPostgres: false);
            await server.RunAsync(Path.Combine(binaries, "initdb"),
                ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            var settings = string.Create(CultureInfo.InvariantCulture,
                $"-c listen_addresses=127.0.0.1 -p {server._port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
            await server.RunAsync(Path.Combine(binaries, "pg_ctl"),
                ["-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"]);
            Started = server;
            await server.ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
            await server.MigrateTemplateAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateTemplateAsync()
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>();
        DatabaseProviderSetup.Configure(options,
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, PostgresConnectionString = ConnectionString(TemplateName) }, Path.GetTempPath());
        await using (var db = DatabaseProviderSetup.CreateContext(DatabaseProvider.Postgres, options.Options, new CurrentActor(), TimeProvider.System))
            await TrainingDataHosting.MigrateAsync(db);
        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(TemplateName)));
    }

    /// <summary>Stops the server, if this run started one, and deletes its folder.</summary>
    internal static async Task StopSharedAsync()
    {
        if (Started is { } server)
            await server.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _createLock.Dispose();
    }

    private static PostgresServer? Started { get; set; }

    private async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying server process; the temp folder is cleaned by the system.
            }
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        if (asPostgres && RunsAsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program])
                start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}" +
                (File.Exists(log) ? Environment.NewLine + await File.ReadAllTextAsync(log) : ""));
        }
    }

    /// <summary>The folder holding initdb and pg_ctl: the newest Debian version, else the folder of initdb on the PATH.</summary>
    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")) && File.Exists(Path.Combine(d.Folder, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Folder is not null)
                return newest.Folder;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Stops the test run's PostgreSQL server at the end of the run (an assembly fixture: disposed after the last test).</summary>
public sealed class PostgresServerShutdown : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.StopSharedAsync();
}
