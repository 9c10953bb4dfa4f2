using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Api;

/// <summary>Admins create (the key shown once, only its hash stored), list and revoke API keys.</summary>
public sealed class ApiKeyServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private ApiKeyService Service(string role) =>
        new(_database.Factory, new RecordAccess(new FixedUser(FixedUser.InRole(role, "admin")), _database.Factory, NullLogger<RecordAccess>.Instance), TimeProvider.System);

    [Fact]
    public async Task A_created_key_is_stored_only_as_its_hash_and_can_be_revoked()
    {
        var keys = Service(Roles.Admin);

        var created = await keys.CreateAsync("  LMS  ", Roles.HrAnalyst, Ct);

        created.Key.ShouldStartWith("te_");
        created.Key.Length.ShouldBeGreaterThan(40);
        await using (var db = _database.CreateContext())
        {
            var stored = await db.ApiKeys.SingleAsync(Ct);
            (stored.Name, stored.Role, stored.CreatedBy, stored.KeyHash).ShouldBe(("LMS", Roles.HrAnalyst, "admin", ApiKeyAuthenticationHandler.Hash(created.Key)));
            stored.KeyHash.ShouldNotContain(created.Key);
        }
        await Should.ThrowAsync<DataValidationException>(() => keys.CreateAsync("lms", Roles.Admin, Ct));
        await Should.ThrowAsync<DataValidationException>(() => keys.CreateAsync("other", "Superuser", Ct));

        await keys.RevokeAsync(created.Info.Id, Ct);

        (await keys.ListAsync(Ct)).ShouldHaveSingleItem().RevokedAt.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(Roles.HrAnalyst)]
    [InlineData(Roles.Executive)]
    public async Task Only_admins_manage_keys(string role)
    {
        var keys = Service(role);

        await Should.ThrowAsync<AccessDeniedException>(() => keys.ListAsync(Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => keys.CreateAsync("x", Roles.HrAnalyst, Ct));
    }
}
