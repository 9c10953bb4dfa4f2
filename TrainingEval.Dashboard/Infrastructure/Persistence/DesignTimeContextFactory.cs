using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Postgres;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context TrainingDbContext</c> build the SQLite model without starting the dashboard.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrainingDbContext>();
        DatabaseProviderSetup.Configure(builder, new DatabaseOptions { SqlitePath = Path.Combine(Path.GetTempPath(), "trainingeval-design.db") }, Path.GetTempPath());
        return new TrainingDbContext(builder.Options, new CurrentActor(), TimeProvider.System);
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgresTrainingDbContext</c> build the PostgreSQL model. Adding a migration
/// does not connect, so the connection string only has to parse.
/// </summary>
internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresTrainingDbContext>
{
    public PostgresTrainingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrainingDbContext>();
        DatabaseProviderSetup.Configure(builder,
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, PostgresConnectionString = "Host=localhost;Database=trainingeval_design" }, Path.GetTempPath());
        return new PostgresTrainingDbContext(builder.Options, new CurrentActor(), TimeProvider.System);
    }
}
