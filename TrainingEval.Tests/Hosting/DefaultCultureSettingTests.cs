using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Hosting;

/// <summary>TrainingEval:DefaultCulture decides the language of a first visit; settings given to the test server override appsettings.json.</summary>
public sealed class DefaultCultureSettingTests
{
    [Fact]
    public async Task With_English_as_the_configured_default_a_first_visit_is_in_English()
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:DefaultCulture"] = "en";
        using var client = server.CreateClient();

        // A first visit is the sign-in page (redirected to from any page).
        var html = await client.GetStringAsync("/cohorts", TestContext.Current.CancellationToken);

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Sign in to see your training evaluations.");
    }
}
