using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>Issue 19 item 6: the API and the sign-in are rate-limited per client, and a flood of refused calls leaves a bounded audit trail.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly DashboardServer _server = new();

    public RateLimitTests()
    {
        _server.Settings["TrainingEval:RateLimits:SignInPerMinute"] = "5";
        _server.Settings["TrainingEval:RateLimits:RefusedApiPerMinute"] = "3";
    }

    public void Dispose() => _server.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flood_without_a_key_gets_429_problem_documents_and_three_audit_rows_not_forty()
    {
        using var client = _server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 40; i++)
        {
            last?.Dispose();
            last = await client.GetAsync(new Uri("/api/v1/cohorts/X/scores", UriKind.Relative), Ct);
            statuses.Add(last.StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        last!.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        last.Headers.RetryAfter.ShouldNotBeNull();
        var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        last.Dispose();

        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        (await db.AuditTrail.CountAsync(a => a.Action == AuditAction.ApiCall, Ct)).ShouldBe(3);
        _server.Services.GetRequiredService<RefusedCallCounter>().CurrentMinute["api"].ShouldBe(37);
    }

    [Fact]
    public async Task The_sign_in_form_takes_five_posts_a_minute_from_one_address()
    {
        using var client = _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 0; i < 5; i++)
        {
            using var tried = await AccountClient.PostLoginAsync(client, "admin", "wrong-password-" + i);
            tried.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {i + 1} is answered by the form");
        }

        using var refused = await AccountClient.PostLoginAsync(client, "admin", "Demo-Admin-2026");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "even the right password waits: the limit is per address, not per account");
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "only the posts are limited, the page still opens");
    }
}
