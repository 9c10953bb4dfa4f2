using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace TrainingEval.Tests.Support;

/// <summary>
/// A real SMTP server for the tests: Python's aiosmtpd (Debian's <c>python3-aiosmtpd</c>) on a loopback port, saving every
/// message it accepts into a Maildir (its own <c>Mailbox</c> handler). <see cref="StopAsync"/> and <see cref="StartAsync"/>
/// take it down and bring it back on the same port, as a mail server outage would.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "trainingeval-smtp", Guid.NewGuid().ToString("N"));
    private Process? _process;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = new SmtpSink(FreePort());
        foreach (var folder in new[] { "cur", "new", "tmp" })
            Directory.CreateDirectory(Path.Combine(sink._maildir, folder));
        await sink.StartAsync();
        return sink;
    }

    /// <summary>The Python that has aiosmtpd: Debian's system Python first (its package installs there), then the one on PATH.</summary>
    private static readonly Lazy<string> Python = new(() =>
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false })!;
                probe.WaitForExit(10_000);
                if (probe.ExitCode == 0)
                    return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }
        throw new InvalidOperationException("No Python with aiosmtpd: apt-get install -y python3-aiosmtpd (bash .ci/run installs it).");
    });

    public async Task StartAsync()
    {
        if (_process is not null)
            throw new InvalidOperationException("The SMTP server is running.");
        _process = Process.Start(new ProcessStartInfo(Python.Value,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = Directory.GetFiles(Path.Combine(_maildir, "new")).Concat(Directory.GetFiles(Path.Combine(_maildir, "cur")))
            .Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal);
        return [.. files.Select(f => MimeMessage.Load(f.FullName))];
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (at most <paramref name="timeout"/>), then returns all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || DateTime.UtcNow > until)
                return messages;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_maildir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
