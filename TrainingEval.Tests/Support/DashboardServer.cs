using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingEval.Tests.Support;

/// <summary>
/// The real dashboard (Program, production pipeline, static web assets incl. MudBlazor's CSS/JS) for
/// tests: in memory through <c>CreateClient()</c>, or on Kestrel at a free loopback port through
/// <see cref="Start"/> for a browser. Each instance has its own database file in a temporary folder,
/// so tests never touch a developer's data; <see cref="Settings"/> override appsettings.json.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "trainingeval-tests", Guid.NewGuid().ToString("N"));

    public DashboardServer()
    {
        Settings = new Dictionary<string, string?>
        {
            ["TrainingEval:Database:SqlitePath"] = Path.Combine(_dataFolder, "trainingeval.db"),
            // Every test client comes from the same address: the production limits (RateLimitOptions) would throttle a
            // test class's sign-ins. RateLimitTests sets its own.
            ["TrainingEval:RateLimits:SignInPerMinute"] = "100000",
            ["TrainingEval:RateLimits:RefusedApiPerMinute"] = "100000",
        };
    }

    /// <summary>Configuration keys ("TrainingEval:…") and values applied over appsettings.json; change before first use.</summary>
    public IDictionary<string, string?> Settings { get; }

    /// <summary>
    /// The hosting environment; Development by default. "Production" turns on what only a real installation has, such
    /// as the product's error page instead of the developer exception page; set before first use.
    /// </summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Registrations applied after the app's own (e.g. a fixed <see cref="TimeProvider"/>); set before first use.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Starts the server on Kestrel and returns its base address, e.g. http://127.0.0.1:40213/.</summary>
    public Uri Start()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataFolder);
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings));
        builder.ConfigureTestServices(services => TestServices?.Invoke(services));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataFolder))
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by SQLite; the OS cleans the temporary folder eventually.
            }
        }
    }
}
