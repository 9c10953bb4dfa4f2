using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>Issue 19 item 13: reads are audited as counts per key, path, status and minute, not a row per call; writes stay one row each.</summary>
public sealed class ApiReadAuditTests : IDisposable
{
    private const string Key = "read-audit-test-key-0123456789";
    private readonly DashboardServer _server = new();

    public ApiReadAuditTests() => _server.Settings["Api:BootstrapKey"] = Key;

    public void Dispose() => _server.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_reads_become_one_counted_line_and_a_refused_write_its_own_line()
    {
        using var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);
        var code = await CohortCodeAsync();
        for (var i = 0; i < 50; i++)
        {
            using var read = await client.GetAsync(new Uri($"/api/v1/cohorts/{code}/scores", UriKind.Relative), Ct);
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var body = new StringContent("a,b\n1,2", System.Text.Encoding.UTF8, "text/csv");
        using var write = await client.PostAsync(new Uri("/api/v1/imports/no-such-kind", UriKind.Relative), body, Ct);
        write.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = _server.Services.GetRequiredService<ApiAudit>();
        audit.PendingReads.ShouldBe(50, "reads wait for their minute to end");
        await audit.FlushAsync(everything: true, Ct);

        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        var lines = await db.AuditTrail.Where(a => a.Action == AuditAction.ApiCall).ToListAsync(Ct);
        var reads = lines.Where(a => a.Property == "GET").ToList();
        reads.Count.ShouldBeInRange(1, 2, "one line per minute (two if the minute turned during the test)");
        reads.ShouldAllBe(a => a.Actor == ApiOptions.BootstrapKeyName && a.EntityKey == $"/api/v1/cohorts/{code}/scores");
        reads.Sum(a => int.Parse(a.NewValue!.Split('×')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(50);
        reads[0].NewValue.ShouldStartWith("200 ×");
        lines.Count(a => a.Property == "POST" && a.NewValue == "404").ShouldBe(1, "a write (here a refused one) is written at once");
        audit.PendingReads.ShouldBe(0);
    }

    private async Task<string> CohortCodeAsync()
    {
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        return await db.Cohorts.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync(Ct);
    }
}
