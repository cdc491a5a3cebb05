using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>The built site as a long-running process on a free loopback port (AppProcess runs verbs to their end).</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder error = new();

    private RunningApp(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public Uri Address { get; }

    public static async Task<RunningApp> StartAsync(IEnumerable<string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgePlatform.Web.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var s in settings)
        {
            start.ArgumentList.Add(s);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var app = new RunningApp(Process.Start(start) ?? throw new InvalidOperationException("Could not start the app."), new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(20) };
        var deadline = DateTime.UtcNow.AddSeconds(180); // generous: the test machine may be busy
        while (DateTime.UtcNow < deadline && !app.process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer within the client's timeout.
            }

            await Task.Delay(200);
        }

        var message = app.Error;
        await app.DisposeAsync();
        throw new InvalidOperationException($"The app did not become ready: {message}");
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    /// <summary>As kill -9: no shutdown, the OS releases what the process held.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
