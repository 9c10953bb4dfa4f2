namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// A key another system uses to call the REST API (header <c>X-Api-Key</c>). Only the SHA-256 hash of
/// the key is stored: the key itself is shown once, when an admin creates it. Revoked keys stay for the
/// audit trail, which names calls by the key's name.
/// </summary>
public sealed class ApiKey : IAudited
{
    public const int NameMaxLength = 100;
    public const int HashLength = 64;
    public const int RoleMaxLength = 40;

    public int Id { get; set; }

    /// <summary>Unique; the actor the audit trail names for the key's calls.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the key, lower-case hex.</summary>
    public required string KeyHash { get; set; }

    /// <summary>One of <c>Security.Roles</c>.</summary>
    public required string Role { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
