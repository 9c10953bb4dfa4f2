namespace TrainingEval.Dashboard.Features.Programs;

public static class ProgramsFeature
{
    /// <summary>The programs list and a program's historical comparison.</summary>
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<ProgramQueries>();
        services.AddScoped<Manage.ProgramManagement>();
        services.AddScoped<Manage.ProgramKpiCosts>();
        return services;
    }
}
