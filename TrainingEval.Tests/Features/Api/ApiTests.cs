using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Api;

/// <summary>
/// The REST API on the real app (in memory, empty database, bootstrap key configured): another system
/// loads a program with its people and scores through the import endpoint and reads them back.
/// </summary>
public sealed class ApiTests : IAsyncLifetime
{
    private const string Bootstrap = "bootstrap-secret-for-tests";
    private const string MentorKey = "mentor-key-for-tests";
    private const string RevokedKey = "revoked-key-for-tests";
    private DashboardServer _server = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = new DashboardServer();
        _server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        _server.Settings["Api:BootstrapKey"] = Bootstrap;
        _ = _server.CreateClient();
        await using var db = await Factory().CreateDbContextAsync(Ct);
        db.ApiKeys.AddRange(
            new ApiKey { Name = "lms-mentor", KeyHash = ApiKeyAuthenticationHandler.Hash(MentorKey), Role = "Mentor", CreatedBy = "test" },
            new ApiKey { Name = "old-hr", KeyHash = ApiKeyAuthenticationHandler.Hash(RevokedKey), Role = "HrAnalyst", CreatedBy = "test", RevokedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private IDbContextFactory<TrainingDbContext> Factory() => _server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();

    private HttpClient Client(string? key)
    {
        var client = _server.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    private static StringContent Csv(string text) => new(text.ReplaceLineEndings("\n"), Encoding.UTF8, ImportFormats.CsvMediaType);

    private async Task<HttpResponseMessage> Import(string kind, string csv, string? key = Bootstrap) =>
        await Client(key).PostAsync($"/api/v1/imports/{kind}", Csv(csv), Ct);

    private async Task LoadLeanCohortAsync()
    {
        foreach (var (kind, csv) in new[]
        {
            ("programs", "program_code,name\nLEAN,精益生产"),
            ("cohorts", "cohort_code,program_code,name,start_date,end_date\nLEAN-1,LEAN,精益 1期,2026-03-02,2026-04-24"),
            ("learners", "employee_no,name\nE001,学员一\nE002,学员二"),
            ("enrollments", "cohort_code,employee_no,status\nLEAN-1,E001,completed\nLEAN-1,E002,completed"),
        })
            (await Import(kind, csv)).StatusCode.ShouldBe(HttpStatusCode.OK, kind);
    }

    [Fact]
    public async Task A_missing_or_wrong_or_revoked_key_is_401_and_audited()
    {
        (await Import("learners", "employee_no,name\nE1,A", key: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Import("learners", "employee_no,name\nE1,A", key: "not-a-key")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var revoked = await Import("learners", "employee_no,name\nE1,A", key: RevokedKey);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await revoked.Content.ReadAsStringAsync(Ct)).ShouldContain("X-Api-Key");

        await using var db = await Factory().CreateDbContextAsync(Ct);
        (await db.Learners.CountAsync(Ct)).ShouldBe(0);
        var audit = await db.AuditTrail.Where(a => a.Action == AuditAction.ApiCall).OrderBy(a => a.Id).ToListAsync(Ct);
        audit.Select(a => $"{a.Actor} {a.Property} {a.EntityKey} {a.NewValue}").ShouldBe(Enumerable.Repeat("anonymous POST /api/v1/imports/learners 401", 3));
    }

    [Fact]
    public async Task A_key_whose_role_may_not_import_is_403_and_nothing_is_written()
    {
        var response = await Import("learners", "employee_no,name\nE1,A", key: MentorKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client(MentorKey).GetAsync("/api/v1/learners/E1/trajectory", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = await Factory().CreateDbContextAsync(Ct);
        (await db.Learners.CountAsync(Ct)).ShouldBe(0);
        (await db.AuditTrail.CountAsync(a => a.Action == AuditAction.ApiCall && a.Actor == "lms-mentor" && a.NewValue == "403", Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Imports_answer_counts_or_every_error_and_re_importing_updates_in_place()
    {
        var created = await Import("learners", "employee_no,name\nE001,学员一\nE002,学员二");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (body.GetProperty("kind").GetString(), body.GetProperty("rowsRead").GetInt32(), body.GetProperty("created").GetInt32(), body.GetProperty("updated").GetInt32())
            .ShouldBe(("learners", 2, 2, 0));
        var again = await (await Import("learners", "employee_no,name\nE001,学员一（新）\nE002,学员二")).Content.ReadFromJsonAsync<JsonElement>(Ct);
        (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()).ShouldBe((0, 1));

        var refused = await Import("learners", "employee_no,name,hire_date\nE003,,2024-02-30\nE004,D,");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("value").GetString(), e.GetProperty("message").GetString())).ToList();
        errors.ShouldBe(
        [
            (2, "name", null, "name is required."),
            (2, "hire_date", "2024-02-30", "'2024-02-30' is not a date; write it as yyyy-MM-dd, e.g. 2025-03-01."),
        ]);
        await using var db = await Factory().CreateDbContextAsync(Ct);
        (await db.Learners.CountAsync(Ct)).ShouldBe(2, "the valid row E004 of the refused file was not written either");
        (await db.AuditTrail.CountAsync(a => a.Action == AuditAction.ApiCall && a.Actor == ApiOptions.BootstrapKeyName, Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task An_xlsx_body_imports_like_csv_and_other_media_types_are_refused()
    {
        var xlsx = new StreamContent(ImportTestKit.Xlsx("employee_no,name\nE001,学员一"));
        xlsx.Headers.ContentType = new MediaTypeHeaderValue(ImportFormats.XlsxMediaType);
        var response = await Client(Bootstrap).PostAsync("/api/v1/imports/learners", xlsx, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("created").GetInt32().ShouldBe(1);

        var json = await Client(Bootstrap).PostAsync("/api/v1/imports/learners", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType, await json.Content.ReadAsStringAsync(Ct));
        (await Import("teachers", "x\n1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Scores_come_back_as_json_and_csv_rounded_to_two_decimals()
    {
        await LoadLeanCohortAsync();
        var observations = await Import("observations", "cohort_code,employee_no,indicator,value,baseline\nLEAN-1,E001,satisfaction,4.2,\nLEAN-1,E001,knowledge_gain,85,40\nLEAN-1,E002,exam_theory,70,");
        (await observations.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("recomputedCohorts")[0].GetString().ShouldBe("LEAN-1");

        var json = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/cohorts/LEAN-1/scores", Ct);
        var e001 = json.GetProperty("learners").EnumerateArray().Single(l => l.GetProperty("employee_no").GetString() == "E001");
        // Reaction: satisfaction 80 (weight 50) with the derived interaction count 0 (weight 20) = 57.142857… → 57.14.
        e001.GetProperty("reaction").GetDouble().ShouldBe(57.14);
        e001.GetProperty("learning").GetDouble().ShouldBe(75);
        // Behavior: the derived application count 0 after the tracking window → 0; results have no observation.
        e001.GetProperty("behavior").GetDouble().ShouldBe(0);
        // Composite (15·57.142857 + 25·75 + 35·0) / 75 = 36.428… → 36.43; coverage (15·0.7 + 25·0.3 + 35·0.3) / 100 = 0.285 → 0.29.
        e001.GetProperty("composite").GetDouble().ShouldBe(36.43);
        e001.GetProperty("coverage").GetDouble().ShouldBe(0.29);
        e001.GetProperty("tier").GetString().ShouldBe("insufficient");
        e001.GetProperty("rank").GetInt32().ShouldBe(1);

        var csv = await Client(Bootstrap).GetStringAsync("/api/v1/cohorts/LEAN-1/scores?format=csv", Ct);
        var lines = csv.ReplaceLineEndings("\n").Trim().Split('\n');
        lines[0].ShouldBe("employee_no,reaction,learning,behavior,results,composite,coverage,tier,passed,rank");
        lines.ShouldContain("E001,57.14,75,0,,36.43,0.29,insufficient,false,1", csv);

        (await Client(Bootstrap).GetAsync("/api/v1/cohorts/NOPE/scores", Ct)).ShouldSatisfyAllConditions(
            r => r.StatusCode.ShouldBe(HttpStatusCode.NotFound),
            r => r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json"));
    }

    [Fact]
    public async Task History_trajectory_and_health_are_read_through_the_page_queries()
    {
        await LoadLeanCohortAsync();
        await Import("observations", "cohort_code,employee_no,indicator,value\nLEAN-1,E001,exam_theory,90");

        var history = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/programs/LEAN/history", Ct);
        history.GetProperty("programCode").GetString().ShouldBe("LEAN");
        history.GetProperty("runs").GetArrayLength().ShouldBe(1);
        history.GetProperty("runs")[0].GetProperty("cohortCode").GetString().ShouldBe("LEAN-1");
        // The one status rule (issue 14, item 6): LEAN-1 ended on 2026-04-24 and is not closed.
        history.GetProperty("runs")[0].GetProperty("status").GetString().ShouldBe("ended");
        history.GetProperty("runs")[0].GetProperty("provisional").GetBoolean().ShouldBeFalse();
        history.GetProperty("latestRun").GetString().ShouldBe("LEAN-1");

        var trajectory = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/learners/E001/trajectory", Ct);
        trajectory.GetProperty("cohorts")[0].GetProperty("cohortCode").GetString().ShouldBe("LEAN-1");
        trajectory.GetProperty("cohorts")[0].GetProperty("status").GetString().ShouldBe("ended");
        trajectory.GetProperty("cohorts")[0].GetProperty("enrollmentStatus").GetString().ShouldBe("completed");
        trajectory.GetProperty("cohorts")[0].GetProperty("provisional").GetBoolean().ShouldBeFalse();
        trajectory.GetProperty("cohorts")[0].GetProperty("learning").GetDouble().ShouldBe(90);

        var health = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/learners/E001/health", Ct);
        health.GetProperty("weeks").GetArrayLength().ShouldBe(0);
        (await Client(Bootstrap).GetAsync("/api/v1/learners/E999/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client(Bootstrap).GetAsync("/api/v1/programs/NOPE/history", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_profile_put_saves_a_new_version_or_answers_the_validators_messages()
    {
        await LoadLeanCohortAsync();
        object Profile(double learning) => new
        {
            name = "Lean v2",
            levelWeights = new { reaction = 15, learning, behavior = 35, results = 25 },
            indicators = TrainingEval.Domain.Indicators.BuiltInIndicators.All.Select(i => new
            {
                code = i.Code, level = i.Level.ToString().ToLowerInvariant(), normalization = TrainingEval.Domain.Indicators.NormalizationCodes.ToCode(i.Normalization),
                weight = i.Weight, max = i.Max, target = i.Target,
            }),
            policy = "renormalize",
        };

        var saved = await Client(Bootstrap).PutAsJsonAsync("/api/v1/programs/LEAN/profile", Profile(25), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32().ShouldBe(2);

        var refused = await Client(Bootstrap).PutAsJsonAsync("/api/v1/programs/LEAN/profile", Profile(30), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var messages = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        messages.ShouldHaveSingleItem()!.ShouldContain("105");
        await using var db = await Factory().CreateDbContextAsync(Ct);
        (await db.ProfileVersions.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_profile_put_never_guesses_a_parameter_it_leaves_out()
    {
        await LoadLeanCohortAsync();
        object Profile(bool withCustom) => new
        {
            name = "Lean v2",
            levelWeights = new { reaction = 15, learning = 25, behavior = 35, results = 25 },
            // No max or target anywhere: built-ins keep theirs (spec section 9).
            indicators = TrainingEval.Domain.Indicators.BuiltInIndicators.All
                .Select(i => (object)new { code = i.Code, level = i.Level.ToString().ToLowerInvariant(), normalization = TrainingEval.Domain.Indicators.NormalizationCodes.ToCode(i.Normalization), weight = i.Weight })
                .Concat(withCustom ? [new { code = "peer_posts", level = "reaction", normalization = "count_target", weight = 0, isCustom = true }] : []),
            policy = "renormalize",
        };

        var saved = await Client(Bootstrap).PutAsJsonAsync("/api/v1/programs/LEAN/profile", Profile(withCustom: false), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = await Factory().CreateDbContextAsync(Ct))
        {
            var version = await db.ProfileVersions.Include(v => v.Indicators).OrderByDescending(v => v.Version).FirstAsync(Ct);
            version.Indicators.Single(i => i.Code == "interaction").Target.ShouldBe(10);
            version.Indicators.Single(i => i.Code == "application").Target.ShouldBe(4);
        }

        var refused = await Client(Bootstrap).PutAsJsonAsync("/api/v1/programs/LEAN/profile", Profile(withCustom: true), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await refused.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("Indicator peer_posts: parameter target is required for count_target.");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var document = await _server.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(
        [
            "/api/v1/imports/{kind}", "/api/v1/cohorts/{cohortCode}/scores", "/api/v1/programs/{programCode}/history",
            "/api/v1/learners/{employeeNo}/trajectory", "/api/v1/learners/{employeeNo}/health", "/api/v1/programs/{programCode}/profile",
        ], ignoreOrder: true);
    }
}
