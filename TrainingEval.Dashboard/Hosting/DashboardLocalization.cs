using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace TrainingEval.Dashboard.Hosting;

/// <summary>
/// Request localization driven by <see cref="TrainingEvalOptions"/>: the configured default culture
/// until the user picks another, remembered in the standard culture cookie. The browser's
/// Accept-Language is deliberately ignored so the configured default is what a new user sees.
/// </summary>
public static class DashboardLocalization
{
    public const string SetCulturePath = "/culture/set";

    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        // Each .resx sits beside the component or class it translates (feature folders), so no ResourcesPath.
        services.AddLocalization();
        // Server-rendered HTML (sign-in pages, the loading screen) keeps Chinese as text instead of one &#x…; entity per character.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOptions<TrainingEvalOptions>()
            .Bind(configuration.GetSection(TrainingEvalOptions.SectionName))
            .Validate(options => options.Problem() is null, "Invalid TrainingEval culture settings: check DefaultCulture and SupportedCultures.")
            .ValidateOnStart();
        services.AddOptions<RequestLocalizationOptions>()
            .Configure<IOptions<TrainingEvalOptions>>((localization, trainingEval) =>
            {
                var options = trainingEval.Value;
                if (options.Problem() is { } problem)
                    throw new OptionsValidationException(TrainingEvalOptions.SectionName, typeof(TrainingEvalOptions), [problem]);
                var cultures = options.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
                localization.DefaultRequestCulture = new RequestCulture(options.DefaultCulture);
                localization.SupportedCultures = cultures;
                localization.SupportedUICultures = cultures;
                localization.RequestCultureProviders = [new CookieRequestCultureProvider()];
                localization.ApplyCurrentCultureToResponseHeaders = true;
            });
        return services;
    }

    public static WebApplication UseDashboardLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>
    /// <c>GET /culture/set?culture=en&amp;redirectUri=/playground</c>: stores the culture in the
    /// culture cookie and goes back, so the next circuit starts in that culture.
    /// </summary>
    public static WebApplication MapCultureEndpoint(this WebApplication app)
    {
        app.MapGet(SetCulturePath, (string? culture, string? redirectUri, HttpContext context, IOptions<RequestLocalizationOptions> localization) =>
        {
            var supported = localization.Value.SupportedUICultures?
                .FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            if (supported is null)
                return Results.BadRequest($"Unsupported culture '{culture}'.");

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            return Results.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "/");
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Only app-relative paths: never an open redirect to another site. No control characters either: a CR or LF would
    /// split the Location header (the server refuses to write it, a 500), and none belongs in a path.
    /// </summary>
    internal static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\')) && !uri.Any(char.IsControl);

    /// <summary>The link that switches to <paramref name="culture"/> and returns to <paramref name="currentUri"/>.</summary>
    public static string SetCultureLink(string culture, string relativeCurrentUri) =>
        $"{SetCulturePath}?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString("/" + relativeCurrentUri.TrimStart('/'))}";
}
