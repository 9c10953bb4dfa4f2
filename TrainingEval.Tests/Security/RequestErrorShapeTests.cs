using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 11: the limits the docs promise hold on a real Kestrel server, and every refusal has the product's shape —
/// a JSON problem document from the API, the product's error page (or a plain 400) from a page — never an HTML 500.
/// The server runs as Production, where the product's error page (not the developer exception page) answers failures.
/// </summary>
public sealed class RequestErrorShapeTests(RequestErrorShapeTests.ProductionServer server) : IClassFixture<RequestErrorShapeTests.ProductionServer>
{
    private const string Key = "bootstrap-secret-for-error-shape-tests";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One Production server on Kestrel for the class (Kestrel enforces the body limits; the in-memory server does not).</summary>
    public sealed class ProductionServer : IAsyncLifetime
    {
        private readonly DashboardServer _server = new() { EnvironmentName = "Production" };

        public Uri BaseAddress { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            _server.Settings["Api:BootstrapKey"] = Key;
            BaseAddress = _server.Start();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await _server.DisposeAsync();
    }

    private HttpClient BrowserClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server.BaseAddress };

    private HttpClient ApiClient()
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);
        return client;
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ApiEndpoints.ProblemMediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    [Fact]
    public async Task A_45_MB_upload_is_read_whole_not_refused_by_the_servers_30_MB_default()
    {
        using var client = ApiClient();
        // 45 MB of zeros as an XLSX body: the import copies all of it before finding it is no workbook, so the answer
        // proves the whole body was accepted — and it comes fast, without parsing 45 MB of rows.
        using var content = new StreamContent(new ZeroStream(45L * 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue(ImportFormats.XlsxMediaType);
        content.Headers.ContentLength = 45L * 1024 * 1024;

        using var response = await client.PostAsync(new Uri("/api/v1/imports/learners", UriKind.Relative), content, Ct);

        var problem = await ProblemOf(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe(ImportMessages.FileNotXlsx);
    }

    [Fact]
    public async Task An_upload_over_50_MB_without_a_length_is_the_documented_FileTooLarge_problem()
    {
        using var client = ApiClient();
        using var content = new StreamContent(new ZeroStream(ImportFileReader.MaxBytes + 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue(ImportFormats.CsvMediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/imports/learners", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        var problem = await ProblemOf(response, HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("title").GetString().ShouldBe("File too large");
    }

    [Fact]
    public async Task A_malformed_JSON_body_is_a_400_problem_naming_the_problem()
    {
        using var client = ApiClient();
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

        using var response = await client.PutAsync(new Uri("/api/v1/programs/ANY/profile", UriKind.Relative), content, Ct);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("Malformed JSON");
        problem.GetProperty("detail").GetString()!.ShouldContain("BytePositionInLine: 1", customMessage: "where the mistake is");
    }

    [Fact]
    public async Task A_sign_out_without_the_antiforgery_token_is_400_not_500()
    {
        using var client = BrowserClient();
        using (var signedIn = await AccountClient.PostLoginAsync(client, "analyst", AccountSeeder.DemoAccounts.Single(a => a.UserName == "analyst").Password))
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([]), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        text.ShouldBe("退出登录的表单已失效（页面打开太久，或已在其他标签页退出）。请刷新页面后再退出登录。", "in the default language, saying what to do");
        using var after = await client.GetAsync(new Uri("/playground", UriKind.Relative), Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.OK, "a post without the token (a forged one) signs nobody out");
    }

    [Theory]
    [InlineData("%2F%01")]
    [InlineData("%2Fplayground%0D%0ASet-Cookie:%20x=y")]
    public async Task A_control_character_in_the_culture_switchs_return_address_goes_home(string redirectUri)
    {
        using var client = BrowserClient();

        using var response = await client.GetAsync(new Uri($"/culture/set?culture=en&redirectUri={redirectUri}", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    /// <summary>A body of <paramref name="length"/> zero bytes, produced as it is read (no array of that size).</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
