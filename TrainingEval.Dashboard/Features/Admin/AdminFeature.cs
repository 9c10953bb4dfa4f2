namespace TrainingEval.Dashboard.Features.Admin;

public static class AdminFeature
{
    /// <summary>User and role administration and the audit trail page.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<AuditTrailQueries>();
        services.AddScoped<AuditTrailPresenter>();
        return services;
    }
}
