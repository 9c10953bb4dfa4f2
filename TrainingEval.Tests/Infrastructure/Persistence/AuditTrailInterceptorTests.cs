using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Persistence;

/// <summary>
/// The audit trail is written by the save interceptor, in the transaction of the change: a change and its lines are
/// stored together or not at all, whichever part of the save fails.
/// </summary>
public sealed class AuditTrailInterceptorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_context_from_the_factory_carries_the_interceptor()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        db.GetService<IDbContextOptions>()
            .Extensions.OfType<CoreOptionsExtension>().Single()
            .Interceptors!.OfType<AuditTrailInterceptor>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_refused_change_leaves_neither_the_row_nor_an_audit_line()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            db.ApiKeys.Add(new ApiKey { Name = "first", KeyHash = "h1", Role = Roles.HrAnalyst, CreatedBy = "test" });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = database.CreateContext())
        {
            // A second key with the same name breaks the unique index: the database refuses the row.
            db.ApiKeys.Add(new ApiKey { Name = "first", KeyHash = "h2", Role = Roles.HrAnalyst, CreatedBy = "test" });
            await Should.ThrowAsync<DataWriteException>(() => db.SaveChangesAsync(Ct));
        }

        await using var check = database.CreateContext();
        (await check.ApiKeys.CountAsync(Ct)).ShouldBe(1);
        (await check.AuditTrail.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_change_inside_the_callers_transaction_is_audited_in_it_and_rolled_back_with_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.ApiKeys.Add(new ApiKey { Name = "rolled-back", KeyHash = "h", Role = Roles.HrAnalyst, CreatedBy = "test" });
            await db.SaveChangesAsync(Ct);
            (await db.AuditTrail.CountAsync(Ct)).ShouldBe(1);
            await transaction.RollbackAsync(Ct);
        }

        await using var check = database.CreateContext();
        (await check.ApiKeys.CountAsync(Ct)).ShouldBe(0);
        (await check.AuditTrail.CountAsync(Ct)).ShouldBe(0);
    }
}
