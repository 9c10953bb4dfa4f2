using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingEval.Tests.Browser;

/// <summary>
/// The real dashboard (Program, production pipeline, static web assets incl. MudBlazor's CSS/JS) on
/// Kestrel at a free loopback port. Settings from <paramref name="settings"/> override appsettings.json
/// (e.g. a temporary database path).
/// </summary>
public sealed class DashboardServer(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings = settings;

    /// <summary>Starts the server and returns its base address, e.g. http://127.0.0.1:40213/.</summary>
    public Uri Start()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
