using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

namespace TrainingEval.Tests.Infrastructure.Charts;

/// <summary>
/// A minimal web host plus headless Chromium for testing ApexChart.razor.js against the real
/// ApexCharts build: it serves the harness page, the dashboard's wwwroot (where the build copied
/// ApexCharts from npm) and the chart module, and nothing of the dashboard's own pipeline, so the
/// test depends only on the chart component's files. Shared by the tests of one class.
/// </summary>
public sealed class ChartBrowserHost : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // On CI a missing browser is a broken machine, not a reason to go green.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"CI=true but Chromium is missing at {ChromiumPath}; install it (apt-get install -y chromium fonts-noto-cjk).");
            Unavailable = $"Chromium is not installed at {ChromiumPath}.";
            return;
        }

        var dashboard = Path.Combine(FindRepositoryRoot(), "TrainingEval.Dashboard");
        var library = Path.Combine(dashboard, "wwwroot", "lib", "apexcharts", "apexcharts.min.js");
        if (!File.Exists(library))
            throw new InvalidOperationException($"{library} is missing: building TrainingEval.Dashboard copies it from npm (build/Npm.targets).");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "Charts", "BrowserHarness")) });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "Charts", "BrowserHarness")) });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(dashboard, "wwwroot")) });
        _app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/Infrastructure/Charts",
            FileProvider = new PhysicalFileProvider(Path.Combine(dashboard, "Infrastructure", "Charts")),
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First(); // the bound address, with the port picked by the OS

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page on the harness with the chart module loaded.</summary>
    public async Task<IPage> OpenHarnessAsync(string locale = "en-US")
    {
        Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 900, Height = 700 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(BaseUrl);
        await page.WaitForFunctionAsync("() => window.harnessReady === true");
        errors.ShouldBeEmpty();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrainingEval.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"TrainingEval.sln not found above {AppContext.BaseDirectory}.");
    }
}
