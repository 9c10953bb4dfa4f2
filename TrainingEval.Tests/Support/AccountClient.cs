using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingEval.Dashboard.Features.Account;

namespace TrainingEval.Tests.Support;

/// <summary>Signs HTTP clients in through the real sign-in form (antiforgery token included), as a browser does.</summary>
public static partial class AccountClient
{
    public static async Task<HttpClient> SignedInClientAsync(this DashboardServer server, string userName = "analyst")
    {
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var account = AccountSeeder.DemoAccounts.Single(a => a.UserName == userName);
        using var response = await PostLoginAsync(client, account.UserName, account.Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}.");
        return client;
    }

    /// <summary>Posts the sign-in form the way the page does; the response is a redirect on success, the form again on failure.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, bool withToken = true)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        if (withToken)
            fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
