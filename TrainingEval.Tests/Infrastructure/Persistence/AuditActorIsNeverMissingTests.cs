using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Persistence;

/// <summary>
/// Every audit line names someone: work with neither a circuit nor a request (a timer, a hosted job) is the system's,
/// a blank name becomes the system, and a name longer than the column is cut — never an empty or missing actor.
/// </summary>
public sealed class AuditActorIsNeverMissingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Background_work_in_the_app_is_audited_as_the_system()
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        server.Settings["TrainingEval:Health:BackgroundJobEnabled"] = "false";
        var factory = server.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();

        // A thread of its own, as a timer or a hosted job runs: no circuit, no request, no actor scope.
        await Task.Run(() => AddKeyAsync(factory, "nightly"), Ct);

        await using var db = await factory.CreateDbContextAsync(Ct);
        (await db.AuditTrail.AsNoTracking().SingleAsync(Ct)).ShouldSatisfyAllConditions(
            a => a.EntityType.ShouldBe(nameof(ApiKey)),
            a => a.Actor.ShouldBe(CurrentActor.System));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_name_is_audited_as_the_system(string name)
    {
        await using var database = await TestDatabase.CreateAsync();

        using (database.Actor.SignedIn(new FixedCurrentUser(TestUsers.In(name, Roles.HrAnalyst))))
            await AddKeyAsync(database.Factory, "signed-in");
        using (database.Actor.As(name))
            await AddKeyAsync(database.Factory, "scoped");

        await using var db = database.CreateContext();
        (await db.AuditTrail.Select(a => a.Actor).ToListAsync(Ct)).ShouldBe([CurrentActor.System, CurrentActor.System]);
    }

    [Fact]
    public async Task A_name_longer_than_the_column_is_cut_to_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var name = new string('x', AuditEntry.ActorMaxLength + 20);

        using (database.Actor.As(name))
            await AddKeyAsync(database.Factory, "long");

        await using var db = database.CreateContext();
        (await db.AuditTrail.SingleAsync(Ct)).Actor.ShouldBe(name[..AuditEntry.ActorMaxLength]);
    }

    [Fact]
    public async Task An_explicit_actor_lasts_as_long_as_its_scope()
    {
        var actor = new CurrentActor();

        using (actor.SignedIn(new FixedCurrentUser(TestUsers.Analyst)))
        {
            using (actor.As("bootstrap-key"))
                (await actor.GetNameAsync()).ShouldBe("bootstrap-key");
            (await actor.GetNameAsync()).ShouldBe("analyst");
        }
        (await actor.GetNameAsync()).ShouldBe(CurrentActor.System);
    }

    private static async Task AddKeyAsync(IDbContextFactory<TrainingDbContext> factory, string name)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        db.ApiKeys.Add(new ApiKey { Name = name, KeyHash = name, Role = Roles.HrAnalyst, CreatedBy = "test", CreatedAt = new DateTime(2026, 5, 6, 0, 0, 0, DateTimeKind.Utc) });
        await db.SaveChangesAsync(Ct);
    }
}
