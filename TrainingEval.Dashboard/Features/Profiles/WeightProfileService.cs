using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Profiles;

/// <summary>A stored profile version as the Domain sees it, with who saved it and why.</summary>
public sealed record ProfileVersionInfo(int VersionId, int ProgramId, int Version, WeightProfile Profile, DateTime CreatedAt, string CreatedBy, string? ChangeNote);

/// <summary>
/// A program's versioned weight profile. Every save is a new immutable version; the audit trail gets
/// one line per changed setting (old → new). Saving is based on the version the editor started from:
/// if someone saved another version in between, the second writer gets a
/// <see cref="ConcurrencyConflictException"/> (checked up front, and enforced by the program's
/// concurrency token and the unique (program, version) index for a true race).
/// </summary>
public sealed class WeightProfileService(IDbContextFactory<TrainingDbContext> factory, CohortScoreService scores, TimeProvider clock, IRecordAccess access)
{
    public async Task<ProfileVersionInfo> GetCurrentAsync(int programId, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, $"profile of program {programId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var version = await ProfileResolver.CurrentAsync(db, programId, cancellationToken)
            ?? throw new RecordNotFoundException("weight profile of program", programId);
        return Info(version);
    }

    /// <summary>Every version of the program's profile, newest first.</summary>
    public async Task<IReadOnlyList<ProfileVersionInfo>> GetHistoryAsync(int programId, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, $"profile history of program {programId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var versions = await db.ProfileVersions.AsNoTracking().Where(v => v.ProgramId == programId).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return versions.Select(Info).ToList();
    }

    /// <summary>
    /// Saves <paramref name="profile"/> as the next version after <paramref name="basedOnVersion"/> (0 for a
    /// program's first profile) and recomputes the program's open cohorts.
    /// </summary>
    /// <exception cref="DataValidationException">The profile breaks a rule of spec section 3.</exception>
    /// <exception cref="ConcurrencyConflictException">Another version was saved since <paramref name="basedOnVersion"/>.</exception>
    public async Task<ProfileVersionInfo> SaveAsync(int programId, WeightProfile profile, int basedOnVersion, string? changeNote, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.Staff, $"profile of program {programId}");
        ArgumentNullException.ThrowIfNull(profile);
        try
        {
            _ = new ScoringEngine(profile);
        }
        catch (InvalidWeightProfileException ex)
        {
            throw new DataValidationException(ex.Errors);
        }
        if (changeNote?.Length > WeightProfileVersion.ChangeNoteMaxLength)
            throw new DataValidationException($"The change note must be at most {WeightProfileVersion.ChangeNoteMaxLength} characters; it has {changeNote.Length}.");

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == programId, cancellationToken)
            ?? throw new RecordNotFoundException("program", programId);
        var previous = await ProfileResolver.CurrentAsync(db, programId, cancellationToken);
        if (program.CurrentProfileVersion != basedOnVersion)
        {
            throw new ConcurrencyConflictException(previous is null
                ? $"The weight profile of {program.Code} changed while you were editing it. Reload it and apply your change again."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Version {previous.Version} of the weight profile of {program.Code} was saved by {previous.CreatedBy} at {previous.CreatedAt:yyyy-MM-dd HH:mm} UTC while you were editing version {basedOnVersion}. Reload it and apply your change again."));
        }

        var next = basedOnVersion + 1;
        var version = profile.ToVersion(next, user.Name, clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim());
        version.ProgramId = programId;
        db.ProfileVersions.Add(version);
        program.CurrentProfileVersion = next;
        var key = program.Code;
        foreach (var (setting, old, now) in WeightProfileDiff.Changes(previous?.ToDomain(), profile))
            db.AddAudit("WeightProfile", key, previous is null ? AuditAction.Added : AuditAction.Modified, setting, old, now);
        db.AddAudit("WeightProfile", key, AuditAction.Added, "Version", previous?.Version.ToString(CultureInfo.InvariantCulture), next.ToString(CultureInfo.InvariantCulture));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateValueException ex)
        {
            throw new ConcurrencyConflictException($"Another version {next} of the weight profile of {program.Code} was saved at the same moment. Reload it and apply your change again.", ex);
        }

        await scores.RecomputeOpenCohortsAsync(programId, cancellationToken);
        return Info(version);
    }

    private static ProfileVersionInfo Info(WeightProfileVersion v) => new(v.Id, v.ProgramId, v.Version, v.ToDomain(), v.CreatedAt, v.CreatedBy, v.ChangeNote);
}

/// <summary>The settings that differ between two profiles, as (setting, old, new) in invariant text.</summary>
public static class WeightProfileDiff
{
    public static IEnumerable<(string Setting, string? Old, string? New)> Changes(WeightProfile? before, WeightProfile after)
    {
        ArgumentNullException.ThrowIfNull(after);
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var pairs = new List<(string, string?, string?)>
        {
            ("Name", before?.Name, after.Name),
            ("LevelWeights.Reaction", before is null ? null : N(before.LevelWeights.Reaction), N(after.LevelWeights.Reaction)),
            ("LevelWeights.Learning", before is null ? null : N(before.LevelWeights.Learning), N(after.LevelWeights.Learning)),
            ("LevelWeights.Behavior", before is null ? null : N(before.LevelWeights.Behavior), N(after.LevelWeights.Behavior)),
            ("LevelWeights.Results", before is null ? null : N(before.LevelWeights.Results), N(after.LevelWeights.Results)),
            ("Policy", before?.Policy.ToString(), after.Policy.ToString()),
            ("Tiers.A", before is null ? null : N(before.Tiers.A), N(after.Tiers.A)),
            ("Tiers.B", before is null ? null : N(before.Tiers.B), N(after.Tiers.B)),
            ("Tiers.C", before is null ? null : N(before.Tiers.C), N(after.Tiers.C)),
            ("PassMark", before is null ? null : N(before.PassMark), N(after.PassMark)),
            ("ExamPassLine", before is null ? null : N(before.ExamPassLine), N(after.ExamPassLine)),
            ("ApplicationWindowDays", before?.ApplicationWindowDays.ToString(CultureInfo.InvariantCulture), after.ApplicationWindowDays.ToString(CultureInfo.InvariantCulture)),
        };
        var codes = (before?.Indicators.Select(i => i.Code) ?? []).Concat(after.Indicators.Select(i => i.Code)).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes)
        {
            var old = before?.Find(code);
            var now = after.Find(code);
            pairs.Add(($"Indicator.{code}", Describe(old), Describe(now)));
        }
        return pairs.Where(p => p.Item2 != p.Item3);

        static string? Describe(IndicatorDefinition? i) => i is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"level={i.Level}; normalization={i.Normalization.ToCode()}; weight={i.Weight:R}; max={i.Max:R}; target={i.Target:R}");
    }
}
