namespace TrainingEval.Dashboard.Features.Account;

public static class AccountFeature
{
    /// <summary>The roles, the demo accounts and the first administrator's setup.</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddScoped<AccountSeeder>();
        services.AddSingleton<AccountSetupState>();
        return services;
    }
}
