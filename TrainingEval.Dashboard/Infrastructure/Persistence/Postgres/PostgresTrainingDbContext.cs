using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Postgres;

/// <summary>
/// The training data on PostgreSQL: the same model as <see cref="TrainingDbContext"/>, its own type so that it has its own
/// migration set (<c>Postgres/Migrations</c>; EF picks migrations by the context type they name). The app's
/// <see cref="IDbContextFactory{TContext}"/> of <see cref="TrainingDbContext"/> creates this type when the provider is
/// PostgreSQL, so no service knows the difference.
/// </summary>
/// <remarks>
/// <para>Adding a migration takes two commands, one per provider (README, "Running on PostgreSQL"):</para>
/// <code>
/// dotnet ef migrations add Name --project TrainingEval.Dashboard --context TrainingDbContext --output-dir Infrastructure/Persistence/Migrations
/// dotnet ef migrations add Name --project TrainingEval.Dashboard --context PostgresTrainingDbContext --output-dir Infrastructure/Persistence/Postgres/Migrations
/// </code>
/// </remarks>
public class PostgresTrainingDbContext(DbContextOptions<TrainingDbContext> options, ICurrentActor actor, TimeProvider clock)
    : TrainingDbContext(options, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // The app's DateTimes are UTC by convention but mostly of Kind Unspecified: SQLite stores them as text without an
        // offset and reads them back Unspecified, and dates from imports and DateOnly.ToDateTime are Unspecified too.
        // Npgsql's default, timestamp with time zone, refuses to write any DateTime whose Kind is not Utc, and would
        // make date arithmetic in SQL depend on the session's time zone. So on PostgreSQL every DateTime is a
        // "timestamp without time zone" holding the UTC wall-clock value, written with its Kind dropped (a Local value
        // is first converted to UTC) and read back Unspecified: the same values, with the same Kind, as on SQLite.
        // (Npgsql.EnableLegacyTimestampBehavior would do it globally for the process; Npgsql discourages it.)
        configurationBuilder.Properties<DateTime>()
            .HaveColumnType("timestamp without time zone")
            .HaveConversion<UtcWallClockConverter>();
    }

    /// <summary>Drops a DateTime's Kind on the way in (a Local value converted to UTC first); reads are Unspecified already.</summary>
    private sealed class UtcWallClockConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
}
