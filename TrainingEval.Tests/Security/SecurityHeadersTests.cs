using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>Issue 19 item 12: a real Content-Security-Policy, nosniff, referrer policy, no-store on personal data, no Server banner.</summary>
public sealed partial class SecurityHeadersTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_carry_a_nonce_based_CSP_that_their_own_inline_scripts_use()
    {
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("object-src 'none'");
        csp.ShouldContain("base-uri 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scriptSrc.ShouldNotContain("unsafe-inline");
        scriptSrc.ShouldNotContain("unsafe-eval", customMessage: "chart formatters are kinds the module builds, not code");
        var nonce = NoncePattern().Match(scriptSrc).Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        var inline = InlineScriptPattern().Matches(html);
        inline.Count.ShouldBeGreaterThan(0, "the import map and the chart loader");
        inline.ShouldAllBe(m => WebUtility.HtmlDecode(m.Groups[1].Value) == nonce);

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var again = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
        NoncePattern().Match(again.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value.ShouldNotBe(nonce, "a nonce is used once");
    }

    [Fact]
    public async Task Api_answers_are_not_cached_and_static_assets_keep_their_own_caching()
    {
        using var client = server.CreateClient();
        using var api = await client.GetAsync(new Uri("/api/v1/cohorts/X/scores", UriKind.Relative), Ct);
        api.Headers.CacheControl!.NoStore.ShouldBeTrue();
        api.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");

        using var asset = await client.GetAsync(new Uri("/favicon.svg", UriKind.Relative), Ct);
        asset.StatusCode.ShouldBe(HttpStatusCode.OK);
        asset.Headers.CacheControl?.NoStore.ShouldNotBe(true);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    // Inline scripts: <script> elements without a src attribute (the import map is one).
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*?nonce=\"([^\"]*)\"[^>]*>|<script(?![^>]*\\ssrc=)(?![^>]*nonce=)()[^>]*>")]
    private static partial Regex InlineScriptPattern();
}

/// <summary>The policy in a real browser: no page of the app trips it, and charts still draw.</summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_main_pages_run_under_the_policy_without_a_single_violation()
    {
        await using var session = await browser.OpenAsync("playground", "en");
        await session.Context.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI));");
        var violations = new List<string>();
        foreach (var path in new[] { "", "programs", "cohorts", "compare", "reports", "playground" })
        {
            await session.GoToAsync(new Uri(browser.BaseUri, path));
            if (path is "")
            {
                // Charts draw: the chart library, its locale and the formatters all ran under the policy.
                await session.Page.Locator("svg.apexcharts-svg").First.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 30_000 });
            }
            violations.AddRange(await session.Page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }
        violations.ShouldBeEmpty();
    }
}
