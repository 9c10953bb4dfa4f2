using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the dashboard.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrainingDbContext>();
        DatabaseProviderSetup.Configure(builder, new DatabaseOptions { SqlitePath = Path.Combine(Path.GetTempPath(), "trainingeval-design.db") }, Path.GetTempPath());
        return new TrainingDbContext(builder.Options, new CurrentActor(), TimeProvider.System);
    }
}
