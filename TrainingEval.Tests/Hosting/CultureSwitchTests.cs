using System.Net;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Hosting;

/// <summary>
/// The configured default language (zh-CN) until a user switches; <c>/culture/set</c> stores the choice
/// in the culture cookie and returns only to a page of this site. Interactive pages are not prerendered, so
/// over HTTP the server sends the document in the chosen language with its loading screen; the pages' own text
/// is checked in Chromium (<see cref="Browser.ShellBrowserTests"/> and each page's browser tests).
/// </summary>
public sealed class CultureSwitchTests(DashboardServer server) : IClassFixture<DashboardServer>, IAsyncLifetime
{
    private HttpClient _client = default!;

    public async ValueTask InitializeAsync() => _client = await server.SignedInClientAsync();

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Without_a_cookie_the_page_is_in_the_configured_default_Chinese_whatever_the_browser_asks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/playground");
        request.Headers.AcceptLanguage.ParseAdd("en-US");

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("正在打开页面…");
    }

    [Fact]
    public async Task Setting_English_stores_the_cookie_and_goes_back_to_the_page()
    {
        using var response = await _client.GetAsync("/culture/set?culture=en&redirectUri=%2Fplayground", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/playground");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_English_cookie_the_page_is_in_English()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/playground");
        await UseEnglishAsync();

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Opening the page…");
        html.ShouldNotContain("正在打开页面");
    }

    [Fact]
    public async Task An_unsupported_culture_is_refused()
    {
        using var response = await _client.GetAsync("/culture/set?culture=fr&redirectUri=%2Fplayground", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Unsupported culture 'fr'");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task The_redirect_never_leaves_the_site(string redirectUri)
    {
        using var response = await _client.GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(redirectUri)}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task The_home_page_is_served_at_the_root_without_a_redirect()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        await UseEnglishAsync();
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Opening the page…");
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task An_unknown_page_answers_404_in_the_users_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        await UseEnglishAsync();

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Opening the page…");
    }

    // The client keeps its cookies (the sign-in's too), so the culture cookie is set the way a user sets it.
    private async Task UseEnglishAsync()
    {
        using var response = await _client.GetAsync(new Uri("/culture/set?culture=en&redirectUri=%2F", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
