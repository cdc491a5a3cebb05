using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// Postfix's smtp-sink on a free 127.0.0.1 port, dumping every accepted message to its own file
/// (Debian package postfix; scripts/test.sh installs it). Extra arguments inject failures, e.g.
/// ["-r", "RCPT"] answers RCPT with 4xx, ["-f", "RCPT"] with 5xx.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/smtp-sink";
    private readonly Process process;

    private SmtpSink(Process process, int port, string dumpDirectory)
    {
        this.process = process;
        Port = port;
        DumpDirectory = dumpDirectory;
    }

    public int Port { get; }

    public string DumpDirectory { get; }

    public static async Task<SmtpSink> StartAsync(params string[] extraArguments) => await StartAsync(0, extraArguments);

    /// <summary>Starts on <paramref name="port"/> (0: a free one), e.g. to bring a stopped sink back on the same port.</summary>
    public static async Task<SmtpSink> StartAsync(int port, string[] extraArguments, string? dumpDirectory = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"Postfix's smtp-sink is needed at {Binary}; scripts/test.sh installs it (as root), or run: apt-get install -y postfix");
        }

        port = port == 0 ? FreePort() : port;
        dumpDirectory ??= Directory.CreateTempSubdirectory("kp-sink-").FullName;
        // smtp-sink drops root privileges to -u; that user must be able to write the dumps.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dumpDirectory, (UnixFileMode)0b111_111_111);
        }
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }

        // One folder per second keeps smtp-sink's random 32-bit file suffixes from colliding in big runs.
        foreach (var arg in (string[])["-d", Path.Combine(dumpDirectory, "%Y%m%d%H%M%S", "m."), "-h", "sink.test", .. extraArguments, $"127.0.0.1:{port}", "1024"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start smtp-sink.");
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var sink = new SmtpSink(process, port, dumpDirectory);
        await WaitUntilListeningAsync(port, process);
        return sink;
    }

    /// <summary>The dumped message files (complete transactions only: smtp-sink removes aborted ones).</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(DumpDirectory) ? [.. Directory.EnumerateFiles(DumpDirectory, "m.*", SearchOption.AllDirectories)] : [];

    public int Count => Files().Count;

    public IReadOnlyList<SinkMessage> Messages() => [.. Files().Select(SinkMessage.Read)];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, then returns them all.</summary>
    public async Task<IReadOnlyList<SinkMessage>> WaitForAsync(int count, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"smtp-sink received {Count} of {count} expected messages within {timeoutSeconds} s.");
            }

            await Task.Delay(50);
        }

        await Task.Delay(100); // the last file is closed right after its reply
        return Messages();
    }

    private bool disposed;

    /// <summary>Stops the sink (the dumped files stay); safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitUntilListeningAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }
}
