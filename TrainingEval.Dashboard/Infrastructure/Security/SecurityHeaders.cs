using Microsoft.Net.Http.Headers;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>
/// The response headers a browser needs to defend the product (ASVS V14.4), set by NetEscapades.AspNetCore.SecurityHeaders:
/// a Content-Security-Policy whose scripts come only from the app itself or carry the request's nonce (the import map and
/// the chart loader in App.razor), no plugins, no foreign base URI, no framing; nosniff; a strict referrer policy; HSTS on
/// HTTPS responses; and <c>Cache-Control: no-store</c> on every response that did not set its own caching (pages and API
/// answers carry personal data; static assets keep theirs). Kestrel's Server banner is off (<see cref="Hosting.DashboardHosting"/>).
/// </summary>
public static class SecurityHeaders
{
    public static IServiceCollection AddDashboardSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(builder => builder.SetDefaultPolicy(policies => policies
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // No 'unsafe-eval': chart formatters are kinds the chart module builds itself (ChartFormatter), not code.
                // Inline scripts need the nonce, so injected markup cannot run.
                csp.AddScriptSrc().Self().WithNonce();
                // MudBlazor and ApexCharts set style attributes and <style> elements at run time.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data().Blob();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
                csp.AddFormAction().Self();
            })));

    public static WebApplication UseDashboardSecurityHeaders(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey(HeaderNames.CacheControl))
                    context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        // Behind TLS (an https:// URL or port configured) plain HTTP is redirected; HSTS above then keeps browsers on HTTPS.
        if (ServesHttps(app.Configuration))
            app.UseHttpsRedirection();
        return app;
    }

    internal static bool ServesHttps(IConfiguration configuration) =>
        new[] { configuration["urls"], configuration["Urls"], configuration["ASPNETCORE_URLS"] }
            .Any(urls => urls?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true)
        || !string.IsNullOrEmpty(configuration["https_port"]) || !string.IsNullOrEmpty(configuration["HTTPS_PORTS"]);
}
