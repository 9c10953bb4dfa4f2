using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(UserAccount.DisplayNameMaxLength);
        // Deleting a learner or mentor must not silently orphan an account's access: refuse instead.
        b.HasOne(u => u.Learner).WithMany().HasForeignKey(u => u.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Mentor).WithMany().HasForeignKey(u => u.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.LearnerId).IsUnique();
        b.HasIndex(u => u.MentorId).IsUnique();
    }
}
