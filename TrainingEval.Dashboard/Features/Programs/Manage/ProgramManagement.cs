using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Programs.Manage;

/// <summary>A program as the form edits it, with what the page needs around it.</summary>
public sealed record ProgramForEdit(int Id, ProgramInput Input, int ProfileVersion);

/// <summary>
/// Creates and edits programs for HR. Every write is a row of the programs import (<see cref="ImportService.WriteRowsAsync"/>):
/// the import's checks, upsert, audit and rescoring are the only rules. Creating adds one: the code must be new (an import
/// would update the program that has it). The tracking window is a setting of the program's weight profile: changing it
/// saves the next profile version (<see cref="WeightProfileService"/>), which rescores the open cohorts.
/// </summary>
public sealed class ProgramManagement(ImportService import, WeightProfileService profiles, IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public const string Source = "program form";

    public async Task<ProgramForEdit?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"program {code}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(code);
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.CodeKey == key, cancellationToken);
        if (program is null)
            return null;
        var profile = await profiles.GetCurrentAsync(program.Id, cancellationToken);
        return new ProgramForEdit(program.Id, new ProgramInput
        {
            Code = program.Code, Name = program.Name, NameEn = program.NameEn, Category = program.Category, Description = program.Description,
            TrackingDays = profile.Profile.ApplicationWindowDays,
        }, profile.Version);
    }

    /// <summary>Creates (<paramref name="creating"/>) or updates the program; errors in the import's catalogue (<see cref="ImportMessages"/>), nothing written when there is one.</summary>
    public async Task<IReadOnlyList<ImportError>> SaveAsync(ProgramInput input, bool creating, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = new Dictionary<string, string?>
        {
            [ProgramCode] = input.Code, [Name] = input.Name, [NameEn] = input.NameEn, [Category] = input.Category, [Description] = input.Description,
        };
        var result = await import.WriteRowsAsync(ImportKind.Programs, [row], Source, creating ? (db, ct) => RefuseExistingAsync(db, input.Code, ct) : null, cancellationToken);
        if (!result.Succeeded)
            return result.Errors;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(input.Code);
        var programId = await db.Programs.Where(p => p.CodeKey == key).Select(p => p.Id).FirstAsync(cancellationToken);
        var current = await profiles.GetCurrentAsync(programId, cancellationToken);
        if (current.Profile.ApplicationWindowDays != input.TrackingDays)
        {
            await profiles.SaveAsync(programId, current.Profile with { ApplicationWindowDays = input.TrackingDays }, current.Version,
                string.Create(CultureInfo.InvariantCulture, $"Tracking window {current.Profile.ApplicationWindowDays} → {input.TrackingDays} days"), cancellationToken);
        }
        return [];
    }

    private static async Task<IReadOnlyList<ImportError>> RefuseExistingAsync(TrainingDbContext db, string code, CancellationToken cancellationToken)
    {
        var key = NaturalKey.Of(code);
        var existing = await db.Programs.Where(p => p.CodeKey == key).Select(p => p.Code).FirstOrDefaultAsync(cancellationToken);
        return existing is null ? [] : [new ImportError(2, ProgramCode, code, ImportMessages.ProgramExists, [existing])];
    }
}
