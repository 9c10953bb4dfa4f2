using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Features.Account;

[assembly: AssemblyFixture(typeof(TrainingEval.Tests.Support.BrowserFixture))]

namespace TrainingEval.Tests.Support;

/// <summary>
/// Shared harness for headless-Chromium page tests: one dashboard server and one browser for the
/// whole test assembly, started lazily by the first browser test (unit and bUnit runs pay nothing).
///
/// How to write a page test:
/// <code>
/// public sealed class CohortPageTests(BrowserFixture browser)
/// {
///     [Fact]
///     public async Task Shows_the_cohort()
///     {
///         await using var session = await browser.OpenAsync("cohorts/1", culture: "zh-CN");   // or width: BrowserFixture.PhoneWidth
///         await Assertions.Expect(session.Page.GetByTestId("cohort-title")).ToHaveTextAsync("…");
///         await session.ScreenshotAsync("cohort-zh-CN");   // → bin/…/artifacts/screenshots/cohort-zh-CN.png
///     }
/// }
/// </code>
/// Elements are found by <c>data-testid</c> (<see cref="TestIdAttribute"/>). Without Chromium at
/// <see cref="ChromiumPath"/> the tests are skipped locally and FAIL when the environment has CI=true.
/// The server runs with its own temporary database (see <see cref="DashboardServer"/>); tests that
/// need another configuration create their own <see cref="DashboardServer"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string TestIdAttribute = "data-testid";
    public const int DesktopWidth = 1440;
    public const int DesktopHeight = 900;
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private DashboardServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Exception? _startFailure;

    /// <summary>The dashboard's base address, once started.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running dashboard's services (e.g. to read the demo data a test expects to see); start the server first with <see cref="OpenAsync"/>.</summary>
    public IServiceProvider Services => _server?.Services
        ?? throw new InvalidOperationException("The dashboard server starts with the first OpenAsync call.");

    /// <summary>
    /// The app's clock: the real time plus <see cref="ShiftableClock.Offset"/> (zero unless a test moves "now" a few
    /// minutes, e.g. past a session's grace time, and puts it back).
    /// </summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>Where screenshots go: bin/…/artifacts/screenshots.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>
    /// For a fixture of its own (never the shared one): settings and registrations of its dashboard, applied before it
    /// starts; the app's clock stays <see cref="Clock"/>.
    /// </summary>
    public Action<DashboardServer>? ConfigureServer { get; init; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The demo HR analyst, who sees every page; pass <c>user: null</c> to stay signed out.</summary>
    public const string AnalystAccount = "analyst";

    /// <summary>
    /// A fresh browser context (own cookies) in <paramref name="culture"/> at the given viewport, signed in as the
    /// demo account <paramref name="user"/>, with a page already at <paramref name="relativeUrl"/> and connected to its circuit.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(string relativeUrl, string culture = "en", int width = DesktopWidth, int height = DesktopHeight, bool darkMode = false, string? user = AnalystAccount)
    {
        await EnsureStartedAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            Locale = culture,
            StorageState = user is null ? null : await SignedInStateAsync(user),
        });
        await context.AddCookiesAsync(
        [
            new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = BaseUri.ToString() },
            new Cookie { Name = "trainingeval-theme", Value = darkMode ? "dark" : "light", Url = BaseUri.ToString() },
        ]);
        context.SetDefaultTimeout(15_000);
        var session = new BrowserSession(context, await context.NewPageAsync());
        await session.GoToAsync(new Uri(BaseUri, relativeUrl));
        return session;
    }

    /// <summary>
    /// Signs <paramref name="userName"/> in through the real sign-in form once per test run and keeps the cookies,
    /// so each test starts signed in without paying for the password hash again.
    /// </summary>
    private readonly SemaphoreSlim _signInLock = new(1, 1);
    private readonly Dictionary<string, string> _signedIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);

    /// <summary>
    /// An account a fixture of its own created (e.g. learners linked to employees through the users service), so
    /// <see cref="OpenAsync"/> can sign it in like a demo account.
    /// </summary>
    public void AddAccount(string userName, string password)
    {
        lock (_passwords)
            _passwords[userName] = password;
    }

    private async Task<string> SignedInStateAsync(string userName)
    {
        await _signInLock.WaitAsync();
        try
        {
            if (_signedIn.TryGetValue(userName, out var state))
                return state;
            string? password;
            lock (_passwords)
                password = _passwords.GetValueOrDefault(userName);
            password ??= AccountSeeder.DemoAccounts.Single(a => a.UserName == userName).Password;
            await using var context = await _browser!.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(BaseUri, "account/login?returnUrl=%2Fplayground").ToString());
            await page.GetByTestId("login-user").FillAsync(userName);
            await page.GetByTestId("login-password").FillAsync(password);
            await page.GetByTestId("login-submit").ClickAsync();
            // The password hash and the first render of a page are the slowest steps of a test on a loaded 2-core machine.
            await page.WaitForURLAsync(url => url.Contains("/playground", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
            state = await context.StorageStateAsync();
            _signedIn[userName] = state;
            return state;
        }
        finally
        {
            _signInLock.Release();
        }
    }

    /// <summary>Starts the dashboard and Chromium once (the first <see cref="OpenAsync"/> does it too), e.g. before a test reads <see cref="Services"/>.</summary>
    public async Task EnsureStartedAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_browser is not null)
                return;
            if (_startFailure is not null)
                throw new InvalidOperationException("The browser harness failed to start earlier.", _startFailure);

            if (!File.Exists(ChromiumPath))
            {
                var message = $"Chromium is not installed at {ChromiumPath} (Debian: apt-get install -y chromium fonts-noto-cjk).";
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException(message + " Browser tests cannot be skipped in CI.");
                Assert.Skip(message);
            }

            try
            {
                _server = new DashboardServer();
                ConfigureServer?.Invoke(_server);
                var extra = _server.TestServices;
                _server.TestServices = services =>
                {
                    services.AddSingleton<TimeProvider>(Clock);
                    extra?.Invoke(services);
                };
                BaseUri = _server.Start();
                Assertions.SetDefaultExpectTimeout(15_000);
                _playwright = await Playwright.CreateAsync();
                _playwright.Selectors.SetTestIdAttribute(TestIdAttribute);
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    Args = ChromiumArgs,
                });
            }
            catch (Exception e)
            {
                _startFailure = e;
                throw;
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        _startLock.Dispose();
        _signInLock.Dispose();
    }

    /// <summary>
    /// Copies a screenshot into the repository (e.g. docs/images/playground.png for the README) when
    /// TRAININGEVAL_PUBLISH_SCREENSHOTS=1: a plain test run must leave the working tree as it found it.
    /// </summary>
    public static void PublishToRepository(string screenshotPath, string relativeTarget)
    {
        if (Environment.GetEnvironmentVariable("TRAININGEVAL_PUBLISH_SCREENSHOTS") != "1" || RepositoryRoot.Find() is not { } root)
            return;
        var target = Path.Combine(root, relativeTarget);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(screenshotPath, target, overwrite: true);
    }
}

/// <summary>One browser context and its page; dispose to close both.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    /// <summary>
    /// Navigates and waits until Blazor's circuit is connected, so the page reacts to input. The account pages are
    /// static forms without a circuit (as the unsubscribe page; /account/notifications is interactive): for them the loaded page is enough.
    /// </summary>
    public async Task GoToAsync(Uri url)
    {
        await Page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var path = new Uri(Page.Url).AbsolutePath;
        var isStatic = (path.StartsWith("/account/", StringComparison.Ordinal) && path != "/account/notifications")
            || path == "/notifications/unsubscribe";
        if (!isStatic)
            await WaitForCircuitAsync();
    }

    /// <summary>Waits for the interactive circuit (Blazor Server) to be up; up to 45 s, since on the 2-core CI machine a circuit under full load has taken longer than Playwright's 15 s default.</summary>
    public Task WaitForCircuitAsync() =>
        Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-interactive=true]') !== null",
            null, new PageWaitForFunctionOptions { Timeout = 45_000 });

    /// <summary>PNG of the whole page (or only the viewport) in <see cref="BrowserFixture.ScreenshotFolder"/>; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        await Context.DisposeAsync();
    }
}

/// <summary>The real clock moved by <see cref="Offset"/>: browser tests control "now" without stopping time for the rest of the app.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
