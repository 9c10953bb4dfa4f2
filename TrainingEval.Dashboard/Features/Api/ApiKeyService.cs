using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Api;

/// <summary>An API key as the admin page lists it (never the key itself).</summary>
public sealed record ApiKeyInfo(int Id, string Name, string Role, string CreatedBy, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A newly created key: <see cref="Key"/> is shown once and then only its hash exists.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

/// <summary>Admins create, list and revoke the API keys other systems use.</summary>
public sealed class ApiKeyService(IDbContextFactory<TrainingDbContext> contexts, IRecordAccess access, TimeProvider clock)
{
    private const string Resource = "api keys";

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Admin, Resource);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name)
            .Select(k => new ApiKeyInfo(k.Id, k.Name, k.Role, k.CreatedBy, k.CreatedAt, k.RevokedAt)).ToListAsync(cancellationToken);
    }

    /// <exception cref="DataValidationException">The name is empty, too long or taken, or the role unknown.</exception>
    public async Task<CreatedApiKey> CreateAsync(string name, string role, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.Admin, Resource);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > ApiKey.NameMaxLength)
            throw new DataValidationException($"Name the key in 1–{ApiKey.NameMaxLength} characters, e.g. the system that uses it.");
        if (trimmed == ApiOptions.BootstrapKeyName)
            throw new DataValidationException($"'{ApiOptions.BootstrapKeyName}' is reserved for the configured bootstrap key.");
        if (!Roles.All.Contains(role))
            throw new DataValidationException($"Unknown role '{role}'; choose one of {string.Join(", ", Roles.All)}.");

        // 32 random bytes: a key nobody can guess, stored only as its SHA-256 hash.
        var key = "te_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = new ApiKey
        {
            Name = trimmed,
            KeyHash = ApiKeyAuthenticationHandler.Hash(key),
            Role = role,
            CreatedBy = user.Name.Length <= AuditEntry.ActorMaxLength ? user.Name : user.Name[..AuditEntry.ActorMaxLength],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The audit trail names calls by key name, so names differing only in case would be confusing.
        var names = await db.ApiKeys.Select(k => k.Name).ToListAsync(cancellationToken);
        if (names.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            throw new DataValidationException($"There is already a key named '{trimmed}'.");
        db.ApiKeys.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateValueException)
        {
            throw new DataValidationException($"There is already a key named '{trimmed}'.");
        }
        return new CreatedApiKey(new ApiKeyInfo(entity.Id, entity.Name, entity.Role, entity.CreatedBy, entity.CreatedAt, null), key);
    }

    public async Task RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Admin, Resource);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new RecordNotFoundException("API key", id);
        if (key.RevokedAt is not null)
            return;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
