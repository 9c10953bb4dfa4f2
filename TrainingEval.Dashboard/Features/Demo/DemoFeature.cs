using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Features.Demo;

public static class DemoFeature
{
    /// <summary>The demo company (演示数据) seeded into an empty database at the first start, when enabled.</summary>
    public static IServiceCollection AddDemoCompany(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section));
        services.AddSingleton<DemoCompanySeeder>();
        return services;
    }
}
