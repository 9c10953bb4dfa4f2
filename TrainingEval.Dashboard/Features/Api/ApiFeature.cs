using Microsoft.AspNetCore.Authentication;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Api;

public static class ApiFeature
{
    /// <summary>
    /// The REST API (<see cref="ApiEndpoints"/>): the "ApiKey" scheme and its two policies, the OpenAPI document, the
    /// audit line of every call, and the admins' key management.
    /// </summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiEndpoints.StaffPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.HrAnalyst))
            .AddPolicy(ApiEndpoints.ReadersPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.HrAnalyst, Roles.Executive));
        // The kind parameter of the import and read-back endpoints lists every kind, so a client can be generated from the document.
        services.AddOpenApi(options => options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<Microsoft.OpenApi.OpenApiParameter>().Where(p => p.Name == "kind"))
                parameter.Schema = new Microsoft.OpenApi.OpenApiSchema
                {
                    Type = Microsoft.OpenApi.JsonSchemaType.String,
                    Enum = [.. Import.ImportSchema.Kinds.Select(k => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(Import.ImportSchema.Slug(k)))],
                };
            return Task.CompletedTask;
        }));
        services.AddSingleton<ApiAudit>();
        services.AddHostedService<ApiAuditFlusher>();
        services.AddScoped<ApiKeyService>();
        return services;
    }
}
