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
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (problem.GetProperty("status").GetInt32(), problem.GetProperty("errorCount").GetInt32()).ShouldBe((422, 2));
        problem.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe(ImportMessages.Required);
        var errors = problem.GetProperty("errors").EnumerateArray()
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
    public async Task Every_error_answer_of_the_api_is_a_problem_document_never_an_html_page()
    {
        async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status)
        {
            response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32().ShouldBe((int)status);
        }

        // Larger than the import's 50 MB: refused from Content-Length before the body is read.
        var tooLarge = new ByteArrayContent(new byte[ImportFileReader.MaxBytes + 1]);
        tooLarge.Headers.ContentType = new MediaTypeHeaderValue(ImportFormats.CsvMediaType);
        await ShouldBeProblem(await Client(Bootstrap).PostAsync("/api/v1/imports/learners", tooLarge, Ct), HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeProblem(await Import("learners", ""), HttpStatusCode.UnprocessableEntity);
        await ShouldBeProblem(await Import("teachers", "x\n1"), HttpStatusCode.NotFound);
        await ShouldBeProblem(await Client(Bootstrap).GetAsync("/api/v1/no-such-endpoint", Ct), HttpStatusCode.NotFound);
        await ShouldBeProblem(await Client(Bootstrap).GetAsync("/api/v1/imports/learners", Ct), HttpStatusCode.NotFound);
        await ShouldBeProblem(await Client(key: null).GetAsync("/api/v2/anything", Ct), HttpStatusCode.NotFound);
        await ShouldBeProblem(await Client(Bootstrap).PostAsync("/api/v1/imports/learners", new StringContent("{}", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_document_with_the_details_only_in_the_log()
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        server.Settings["Api:BootstrapKey"] = Bootstrap;
        server.TestServices = services => services.AddScoped<TrainingEval.Dashboard.Infrastructure.Security.IRecordAccess, FailingAccess>();
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Bootstrap);

        var response = await client.PostAsync("/api/v1/imports/learners", Csv("employee_no,name\nE1,A"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("nothing was written");
        body.ShouldNotContain("disk on fire");
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        (await db.AuditTrail.Where(a => a.Action == AuditAction.ApiCall).Select(a => $"{a.Actor} {a.Property} {a.EntityKey} {a.NewValue}").ToListAsync(Ct))
            .ShouldContain($"{ApiOptions.BootstrapKeyName} POST /api/v1/imports/learners 500", "a failure is in the trail too (issue 19 item 9)");
    }

    /// <summary>Access checks that fail the way an unreachable database would.</summary>
    private sealed class FailingAccess : TrainingEval.Dashboard.Infrastructure.Security.IRecordAccess
    {
        private static InvalidOperationException Failure() => new("disk on fire");

        public Task<TrainingEval.Dashboard.Infrastructure.Security.UserContext> EnsureCanReadLearnerAsync(int learnerId, CancellationToken cancellationToken = default) => throw Failure();

        public Task<TrainingEval.Dashboard.Infrastructure.Security.UserContext> EnsureCanReadCohortAsync(int cohortId, CancellationToken cancellationToken = default) => throw Failure();

        public Task<TrainingEval.Dashboard.Infrastructure.Security.UserContext> EnsureCanRateAsync(int enrollmentId, CancellationToken cancellationToken = default) => throw Failure();

        public Task<TrainingEval.Dashboard.Infrastructure.Security.UserContext> EnsureInRoleAsync(string roles, string resource) => throw Failure();

        public Task<TrainingEval.Dashboard.Infrastructure.Security.UserContext> EnsureIsLearnerOfAsync(int enrollmentId, CancellationToken cancellationToken = default) => throw Failure();

        public Task<TrainingEval.Dashboard.Infrastructure.Security.UserContext> EnsureCanReviewAsync(int enrollmentId, int mentorId, CancellationToken cancellationToken = default) => throw Failure();

        public Task<IReadOnlySet<int>?> VisibleLearnerIdsAsync(CancellationToken cancellationToken = default) => throw Failure();

        public Task<TrainingEval.Dashboard.Infrastructure.Security.UserContext> EnsureCanRunCohortAsync(int cohortId, CancellationToken cancellationToken = default) => throw Failure();

        public Task<bool> SeesWholeCohortAsync(int cohortId, CancellationToken cancellationToken = default) => throw Failure();

        public Task<IReadOnlyList<int>> TrainedCohortIdsAsync(CancellationToken cancellationToken = default) => throw Failure();
    }

    [Fact]
    public async Task Scores_come_back_as_json_and_csv_rounded_to_two_decimals()
    {
        await LoadLeanCohortAsync();
        var observations = await Import("observations", "cohort_code,employee_no,indicator,value,baseline\nLEAN-1,E001,satisfaction,4.2,\nLEAN-1,E001,knowledge_gain,85,40\nLEAN-1,E002,exam_theory,70,");
        (await observations.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("recomputedCohorts")[0].GetString().ShouldBe("LEAN-1");

        var json = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/cohorts/LEAN-1/scores", Ct);
        var e001 = json.GetProperty("learners").EnumerateArray().Single(l => l.GetProperty("employee_no").GetString() == "E001");
        // The cohort records no interactions and no application events, so it tracks neither: both indicators are
        // missing, not derived zeros (spec section 9). Reaction = satisfaction 80 alone; learning = gain 75.
        e001.GetProperty("reaction").GetDouble().ShouldBe(80);
        e001.GetProperty("learning").GetDouble().ShouldBe(75);
        e001.GetProperty("behavior").ValueKind.ShouldBe(JsonValueKind.Null);
        // Composite (15·80 + 25·75) / 40 = 76.875 → 76.88 (midpoint away from zero); coverage (15·0.5 + 25·0.3) / 100 = 0.15.
        e001.GetProperty("composite").GetDouble().ShouldBe(76.88);
        e001.GetProperty("coverage").GetDouble().ShouldBe(0.15);
        e001.GetProperty("tier").GetString().ShouldBe("insufficient");
        e001.GetProperty("rank").GetInt32().ShouldBe(1);

        var csv = await Client(Bootstrap).GetStringAsync("/api/v1/cohorts/LEAN-1/scores?format=csv", Ct);
        var lines = csv.ReplaceLineEndings("\n").Trim().Split('\n');
        lines[0].ShouldBe("employee_no,reaction,learning,behavior,results,composite,coverage,tier,passed,rank");
        lines.ShouldContain("E001,80,75,,,76.88,0.15,insufficient,true,1", csv);

        (await Client(Bootstrap).GetAsync("/api/v1/cohorts/NOPE/scores", Ct)).ShouldSatisfyAllConditions(
            r => r.StatusCode.ShouldBe(HttpStatusCode.NotFound),
            r => r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json"));
    }

    [Fact]
    public async Task Every_record_kind_imports_through_the_api_and_reads_back_per_cohort_paged()
    {
        await using (var db = await Factory().CreateDbContextAsync(Ct))
        {
            var department = new Department { Code = "PRD", Name = "生产部" };
            db.Mentors.Add(new Mentor { EmployeeNumber = "M001", Name = "王师傅", Department = department });
            await db.SaveChangesAsync(Ct);
        }
        foreach (var (kind, csv) in new[]
        {
            ("programs", "program_code,name\nLEAN,精益生产"),
            ("cohorts", "cohort_code,program_code,name,start_date,end_date\nLEAN-1,LEAN,精益 1期,2026-03-02,2026-04-24"),
            ("learners", "employee_no,name,department\nE001,学员一,PRD\nE002,学员二,PRD\nE003,学员三,PRD"),
            ("enrollments", "cohort_code,employee_no,status\nLEAN-1,E001,completed\nLEAN-1,E002,completed\nLEAN-1,E003,completed"),
        })
            (await Import(kind, csv)).StatusCode.ShouldBe(HttpStatusCode.OK, kind);
        foreach (var (kind, csv) in RecordFiles.InOrder)
        {
            var response = await Import(kind.Slug(), csv);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{kind}: {await response.Content.ReadAsStringAsync(Ct)}");
            (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("created").GetInt32().ShouldBeGreaterThan(0, kind.ToString());
        }

        var page = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/cohorts/lean-1/records/attendance?page=2&pageSize=5", Ct);
        (page.GetProperty("kind").GetString(), page.GetProperty("cohortCode").GetString(), page.GetProperty("totalCount").GetInt32(), page.GetProperty("page").GetInt32())
            .ShouldBe(("attendance", "LEAN-1", 7, 2));
        page.GetProperty("rows").GetArrayLength().ShouldBe(2);
        page.GetProperty("rows")[0].GetProperty("status").GetString().ShouldBe("excused");
        var csvBack = await Client(Bootstrap).GetStringAsync("/api/v1/cohorts/LEAN-1/records/assessment_results?format=csv", Ct);
        csvBack.ReplaceLineEndings("\n").ShouldStartWith("cohort_code,assessment_code,part,employee_no,score\nLEAN-1,PRE,theory,E001,40\n");
        (await Client(Bootstrap).GetAsync("/api/v1/cohorts/LEAN-1/records/teachers", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client(Bootstrap).GetAsync("/api/v1/cohorts/NOPE/records/attendance", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client(MentorKey).GetAsync("/api/v1/cohorts/LEAN-1/records/attendance", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var refused = await Import("attendance", "cohort_code,session_date,employee_no,status\nLEAN-1,2026-03-02,E001,maybe");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe(ImportMessages.BadChoice);
    }

    [Fact]
    public async Task A_learner_with_nothing_measured_has_coverage_0_and_tier_insufficient()
    {
        await LoadLeanCohortAsync();
        (await Import("observations", "cohort_code,employee_no,indicator,value\nLEAN-1,E001,exam_theory,90")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var json = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/cohorts/LEAN-1/scores", Ct);

        // E002 has no record and the cohort tracks no counted kind, so nothing is derived either (spec section 9).
        var e002 = json.GetProperty("learners").EnumerateArray().Single(l => l.GetProperty("employee_no").GetString() == "E002");
        e002.GetProperty("coverage").GetDouble().ShouldBe(0);
        e002.GetProperty("tier").GetString().ShouldBe("insufficient");
        e002.GetProperty("composite").ValueKind.ShouldBe(JsonValueKind.Null);
        e002.GetProperty("rank").ValueKind.ShouldBe(JsonValueKind.Null);
        e002.GetProperty("passed").GetBoolean().ShouldBeFalse();
        foreach (var level in new[] { "reaction", "learning", "behavior", "results" })
            e002.GetProperty(level).ValueKind.ShouldBe(JsonValueKind.Null, level);
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

        // Spec section 9: codes in URLs match ignoring case and surrounding spaces.
        var trajectory = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/learners/e001/trajectory", Ct);
        trajectory.GetProperty("employeeNo").GetString().ShouldBe("E001");
        (await Client(Bootstrap).GetAsync("/api/v1/cohorts/lean-1/scores", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(Bootstrap).GetAsync("/api/v1/programs/lean/history", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        trajectory.GetProperty("cohorts")[0].GetProperty("cohortCode").GetString().ShouldBe("LEAN-1");
        trajectory.GetProperty("cohorts")[0].GetProperty("status").GetString().ShouldBe("ended");
        trajectory.GetProperty("cohorts")[0].GetProperty("enrollmentStatus").GetString().ShouldBe("completed");
        trajectory.GetProperty("cohorts")[0].GetProperty("provisional").GetBoolean().ShouldBeFalse();
        trajectory.GetProperty("cohorts")[0].GetProperty("learning").GetDouble().ShouldBe(90);

        var health = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/learners/E001/health", Ct);
        // The enrollments import queued the weeks LEAN-1 ran in; with no attendance, homework, results or interactions every
        // week computed has no index (spec section 5: a week with no component has no index).
        await _server.Services.GetRequiredService<TrainingEval.Dashboard.Features.Health.HealthRecomputes>().WhenIdleAsync(Ct);
        health = await Client(Bootstrap).GetFromJsonAsync<JsonElement>("/api/v1/learners/E001/health", Ct);
        health.GetProperty("weeks").GetArrayLength().ShouldBeGreaterThan(0);
        health.GetProperty("weeks").EnumerateArray().ShouldAllBe(w => w.GetProperty("index").ValueKind == JsonValueKind.Null);
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
            "/api/v1/cohorts/{cohortCode}/records/{kind}",
        ], ignoreOrder: true);
        // Both kind parameters list every kind the import and the read-back know.
        foreach (var (path, method) in new[] { ("/api/v1/imports/{kind}", "post"), ("/api/v1/cohorts/{cohortCode}/records/{kind}", "get") })
        {
            var kind = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "kind");
            kind.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(ImportSchema.Kinds.Select(k => k.Slug()));
        }
    }
}
