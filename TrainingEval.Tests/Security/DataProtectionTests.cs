using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>Issue 19 item 4: a cookie of one installation opens nothing in another; the key ring lives in the product's database.</summary>
public sealed class DataProtectionTests : IDisposable
{
    private readonly DashboardServer _first = new();
    private readonly DashboardServer _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_cookie_from_another_installation_on_the_same_host_is_refused()
    {
        var admin = _first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await AccountClient.PostLoginAsync(admin, "admin", "Demo-Admin-2026");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("TrainingEval.Auth=", StringComparison.Ordinal));

        using var own = await Replay(_first, cookie);
        own.StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie works where it was issued");
        using var other = await Replay(_second, cookie);
        other.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the other installation sends it to its sign-in page");
        other.Headers.Location!.ToString().ShouldContain("/account/login");

        await using var db = await _first.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        (await db.DataProtectionKeys.CountAsync(Ct)).ShouldBeGreaterThan(0, "the key ring is in the installation's database");
        admin.Dispose();
    }

    private static async Task<HttpResponseMessage> Replay(DashboardServer server, string cookie)
    {
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/users", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }
}
