using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Persistence;

/// <summary>
/// No service names the actor, yet the audit lines of what it saves name the signed-in user — of the HTTP request or of
/// the circuit — at the time of the app's <see cref="TimeProvider"/>: the context factory gives every context the
/// app's <see cref="CurrentActor"/> and clock.
/// </summary>
public sealed class SignedInUserIsTheAuditActorTests
{
    private const string Key = "bootstrap-secret-for-audit-tests";
    private static readonly DateTime Now = new(2026, 5, 6, 7, 8, 9, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_api_import_is_audited_as_the_calling_key_at_the_apps_time()
    {
        await using var server = new DashboardServer { TestServices = services => services.AddSingleton<TimeProvider>(new FixedClock(Now)) };
        server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        server.Settings["TrainingEval:Health:BackgroundJobEnabled"] = "false";
        server.Settings["Api:BootstrapKey"] = Key;
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);

        foreach (var (kind, csv) in new[]
        {
            ("programs", "program_code,name\nLEAN,精益生产"),
            ("cohorts", "cohort_code,program_code,name,start_date,end_date\nLEAN-1,LEAN,精益 1期,2026-03-02,2026-04-24"),
        })
        {
            using var body = new StringContent(csv, Encoding.UTF8, ImportFormats.CsvMediaType);
            (await client.PostAsync(new Uri($"/api/v1/imports/{kind}", UriKind.Relative), body, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, kind);
        }

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        var lines = await db.AuditTrail.AsNoTracking().ToListAsync(Ct);
        // The new program and its default profile (a line the import adds itself) and the new cohort (row edits), besides the two calls.
        lines.Where(a => a.Action != AuditAction.ApiCall).Select(a => a.EntityType).ShouldBe(["WeightProfile", nameof(TrainingProgram), nameof(Cohort)], ignoreOrder: true);
        lines.Count(a => a.Action == AuditAction.ApiCall).ShouldBe(2);
        lines.ShouldAllBe(a => a.Actor == ApiOptions.BootstrapKeyName && a.At == Now);
    }

    [Fact]
    public async Task A_rating_saved_in_a_circuit_is_audited_as_the_circuits_user_at_the_apps_time()
    {
        await using var database = await TestDatabase.CreateAsync(new FixedClock(Now));
        var data = await TestData.CreateAsync(database);
        var mentor = TestUsers.In("wang", Roles.Mentor) with { MentorId = data.Mentor.Id };
        // Wired as the app wires it: the plain factory, and nothing in the service names anyone.
        var ratings = new MentorRatingService(database.Factory, new Services(database).Scores, database.Clock, TestUsers.AccessFor(database.Factory, mentor));
        var circuit = new CircuitActorHandler(database.Actor, new FixedCurrentUser(mentor));

        // The circuit runs each event through its handlers; this handler passes the activity's context on unread.
        await circuit.CreateInboundActivityHandler(_ => ratings.RecordAsync(new RatingInput(data[0].Id, data.Mentor.Id, "initiative", 4, null), 0, Ct))(null!);

        await using var db = database.CreateContext();
        var line = await db.AuditTrail.AsNoTracking().SingleAsync(Ct);
        (line.EntityType, line.Actor, line.At).ShouldBe((nameof(MentorRating), "wang", Now));
        (await database.Actor.GetNameAsync()).ShouldBe(CurrentActor.System, "the circuit's user is the actor only during its activity");
    }
}
