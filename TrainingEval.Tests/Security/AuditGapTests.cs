using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 9: what the import changes about people and programs (a rename, an e-mail, a withdrawal) is in the audit
/// trail, and so is every API call — also those no endpoint ran (a body or query the framework could not bind, a path
/// that does not exist).
/// </summary>
public sealed class AuditGapTests : IAsyncLifetime
{
    private const string Key = "bootstrap-secret-for-audit-gap-tests";
    private DashboardServer _server = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = new DashboardServer();
        _server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        _server.Settings["Api:BootstrapKey"] = Key;
        _ = _server.CreateClient();
        foreach (var (kind, csv) in new[]
        {
            ("programs", "program_code,name\nLEAN,精益生产"),
            ("cohorts", "cohort_code,program_code,name,start_date,end_date\nLEAN-1,LEAN,精益 1期,2026-03-02,2026-04-24"),
            ("learners", "employee_no,name\nE001,学员一\nE002,学员二"),
            ("enrollments", "cohort_code,employee_no,status\nLEAN-1,E001,completed\nLEAN-1,E002,completed"),
        })
            (await Import(kind, csv)).StatusCode.ShouldBe(HttpStatusCode.OK, kind);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client()
    {
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);
        return client;
    }

    private async Task<HttpResponseMessage> Import(string kind, string csv) =>
        await Client().PostAsync($"/api/v1/imports/{kind}", new StringContent(csv, Encoding.UTF8, ImportFormats.CsvMediaType), Ct);

    private async Task<List<AuditEntry>> TrailAsync(string entityType)
    {
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == entityType).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task New_learners_are_one_line_for_the_file_and_a_rename_or_new_e_mail_a_line_each()
    {
        (await Import("learners", "employee_no,name,email\nE001,学员一（新）,e001@example.com\nE002,学员二,\nE003,学员三,")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = await TrailAsync(nameof(Learner));
        lines.Where(a => a.Action == AuditAction.Added).Select(a => (a.Actor, a.NewValue))
            .ShouldBe([(ApiOptions.BootstrapKeyName, "2 learners imported"), (ApiOptions.BootstrapKeyName, "1 learners imported")]);
        lines.Where(a => a.Action == AuditAction.Modified).Select(a => (a.Property, a.OldValue, a.NewValue))
            .ShouldBe([("Email", null, "e001@example.com"), ("Name", "学员一", "学员一（新）")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_withdrawal_and_a_program_rename_by_import_are_audited_old_to_new()
    {
        (await Import("enrollments", "cohort_code,employee_no,status,withdrawn_on\nLEAN-1,E002,withdrawn,2026-03-20")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Import("programs", "program_code,name\nLEAN,精益生产实战")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var enrolment = await TrailAsync(nameof(Enrollment));
        enrolment.ShouldContain(a => a.Action == AuditAction.Added && a.NewValue == "2 enrollments imported");
        enrolment.Where(a => a.Action == AuditAction.Modified).Select(a => (a.Property, a.NewValue))
            .ShouldContain(("Status", nameof(EnrollmentStatus.Withdrawn)));
        enrolment.Where(a => a.Action == AuditAction.Modified).Select(a => (a.Property, a.NewValue)).ShouldContain(("WithdrawnOn", "2026-03-20"));
        (await TrailAsync(nameof(TrainingProgram))).Where(a => a.Property == "Name").Select(a => (a.OldValue, a.NewValue)).ShouldHaveSingleItem().ShouldBe(("精益生产", "精益生产实战"));
    }

    [Fact]
    public async Task A_query_the_framework_cannot_bind_is_a_problem_and_in_the_trail()
    {
        using var response = await Client().GetAsync("/api/v1/cohorts/LEAN-1/records/attendance?page=abc", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(ApiEndpoints.ProblemMediaType);
        (await TrailAsync("api")).Select(a => $"{a.Actor} {a.Property} {a.EntityKey} {a.NewValue}")
            .ShouldContain($"{ApiOptions.BootstrapKeyName} GET /api/v1/cohorts/LEAN-1/records/attendance 400");
    }

    [Fact]
    public async Task An_unknown_path_is_counted_per_minute_not_written_per_request()
    {
        for (var i = 0; i < 5; i++)
            (await Client().GetAsync("/api/v1/no-such-endpoint", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await _server.Services.GetRequiredService<ApiAudit>().FlushAsync(everything: true, Ct);
        var lines = (await TrailAsync("api")).Where(a => a.EntityKey == "/api/v1/no-such-endpoint").ToList();
        lines.ShouldHaveSingleItem().NewValue.ShouldStartWith("404 ×5");
    }
}
