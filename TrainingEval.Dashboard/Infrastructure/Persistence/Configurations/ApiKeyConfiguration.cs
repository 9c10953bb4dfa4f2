using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        b.HasIndex(k => k.Name).IsUnique();
        b.Property(k => k.KeyHash).HasMaxLength(ApiKey.HashLength);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.Property(k => k.Role).HasMaxLength(ApiKey.RoleMaxLength);
        b.Property(k => k.CreatedBy).HasMaxLength(AuditEntry.ActorMaxLength);
        b.Ignore(k => k.IsRevoked);
    }
}
