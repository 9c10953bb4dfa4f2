using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrainingEval.Tests.Support;

/// <summary>One call a webhook stand-in received.</summary>
public sealed record WebhookCall(string PathAndQuery, string ContentType, string Body);

/// <summary>
/// A local HTTP server (HttpListener on loopback) standing in for the work-chat services: it records every POST and answers
/// with what <see cref="Answer"/> says (by default WeCom's and DingTalk's <c>{"errcode":0,"errmsg":"ok"}</c>).
/// </summary>
public sealed class WebhookSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookSink()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public ConcurrentQueue<WebhookCall> Calls { get; } = new();

    public Func<WebhookCall, (int Status, string Body)> Answer { get; set; } = _ => (200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    public async Task<IReadOnlyList<WebhookCall>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Calls.Count < count && DateTime.UtcNow < until)
            await Task.Delay(50);
        return [.. Calls];
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var call = new WebhookCall(context.Request.Url!.PathAndQuery, context.Request.ContentType ?? "", await reader.ReadToEndAsync());
            Calls.Enqueue(call);
            var (status, body) = Answer(call);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
