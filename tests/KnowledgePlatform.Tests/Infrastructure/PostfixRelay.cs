using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// A real Postfix (Debian package postfix, installed as "No configuration") on a free 127.0.0.1 port:
/// its own configuration, queue and log in a temporary folder (`postfix -c`), STARTTLS with a
/// certificate from a test CA, AUTH PLAIN/LOGIN through Cyrus SASL (a sasldb made with
/// saslpasswd2, Debian sasl2-bin), relaying everything it accepts to <c>relayPort</c> (an smtp-sink).
/// Needs root, as in CI: Postfix's master runs as root and drops to the postfix user.
/// </summary>
public sealed class PostfixRelay : IAsyncDisposable
{
    public const string UserName = "verzender";
    public const string Password = "geheim-relay-wachtwoord";
    private const string Hostname = "relay.kennisplatform.test";

    private readonly string root;

    private PostfixRelay(string root, int port, TestCertificates certificates)
    {
        this.root = root;
        Port = port;
        Certificates = certificates;
    }

    public int Port { get; }

    public TestCertificates Certificates { get; }

    public string Log => File.Exists(Path.Combine(root, "postfix.log")) ? File.ReadAllText(Path.Combine(root, "postfix.log")) : "(no log)";

    public static async Task<PostfixRelay> StartAsync(int relayPort)
    {
        if (!File.Exists("/usr/sbin/postfix") || !File.Exists("/usr/sbin/saslpasswd2"))
        {
            throw new InvalidOperationException("Postfix and Cyrus SASL are needed: scripts/test.sh installs them (as root), or run: apt-get install -y postfix sasl2-bin");
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Postfix runs on Linux.");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("A private Postfix instance must be started as root (as scripts/test.sh runs in CI).");
        }

        var root = Directory.CreateTempSubdirectory("kp-postfix-").FullName;
        var conf = Path.Combine(root, "conf");
        foreach (var dir in new[] { conf, Path.Combine(conf, "sasl"), Path.Combine(root, "queue"), Path.Combine(root, "data") })
        {
            Directory.CreateDirectory(dir);
        }

        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101); // the postfix user walks into queue/ and data/
        var certificates = TestCertificates.Create(conf);
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(conf, "main.cf"), MainCf(root, relayPort));
        await File.WriteAllTextAsync(Path.Combine(conf, "master.cf"), MasterCf(port));
        // Debian's Postfix reads the SASL application file from <config_directory>/sasl/smtpd.conf.
        await File.WriteAllTextAsync(Path.Combine(conf, "sasl", "smtpd.conf"),
            $"pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: {root}/sasldb2\n");
        await RunAsync("/usr/sbin/saslpasswd2", ["-p", "-c", "-f", Path.Combine(root, "sasldb2"), "-u", Hostname, UserName], Password);
        await RunAsync("/bin/chown", ["-R", "postfix", Path.Combine(root, "data"), Path.Combine(root, "sasldb2")]);

        var relay = new PostfixRelay(root, port, certificates);
        try
        {
            await RunAsync("/usr/sbin/postfix", ["-c", conf, "start"]);
            await relay.WaitUntilListeningAsync();
            return relay;
        }
        catch (Exception ex)
        {
            var log = relay.Log;
            await relay.DisposeAsync();
            throw new InvalidOperationException($"Postfix did not start: {ex.Message}\n{log}", ex);
        }
    }

    private static string MainCf(string root, int relayPort) => $"""
        compatibility_level = 3.6
        queue_directory = {root}/queue
        data_directory = {root}/data
        mail_owner = postfix
        setgid_group = postdrop
        myhostname = {Hostname}
        mydestination =
        local_recipient_maps =
        alias_maps =
        alias_database =
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        mynetworks = 127.0.0.0/8
        relayhost = [127.0.0.1]:{relayPort}
        smtp_tls_security_level = none
        maillog_file = {root}/postfix.log
        maillog_file_prefixes = {root}
        smtpd_tls_cert_file = {root}/conf/cert.pem
        smtpd_tls_key_file = {root}/conf/key.pem
        smtpd_tls_security_level = may
        smtpd_tls_auth_only = yes
        smtpd_sasl_auth_enable = yes
        smtpd_sasl_type = cyrus
        smtpd_sasl_path = smtpd
        smtpd_sasl_local_domain = {Hostname}
        smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination

        """;

    private static string MasterCf(int port) => $"""
        127.0.0.1:{port} inet n - n - - smtpd
        pickup    unix  n - n 60 1 pickup
        cleanup   unix  n - n - 0 cleanup
        qmgr      unix  n - n 300 1 qmgr
        tlsmgr    unix  - - n 1000? 1 tlsmgr
        rewrite   unix  - - n - - trivial-rewrite
        bounce    unix  - - n - 0 bounce
        defer     unix  - - n - 0 bounce
        trace     unix  - - n - 0 bounce
        verify    unix  - - n - 1 verify
        flush     unix  n - n 1000? 0 flush
        proxymap  unix  - - n - - proxymap
        smtp      unix  - - n - - smtp
        relay     unix  - - n - - smtp
        showq     unix  n - n - - showq
        error     unix  - - n - - error
        retry     unix  - - n - - error
        discard   unix  - - n - - discard
        anvil     unix  - - n - 1 anvil
        scache    unix  - - n - 1 scache
        postlog   unix-dgram n - n - 1 postlogd

        """;

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task RunAsync(string file, string[] arguments, string? input = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = input is not null };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {file}.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            await RunAsync("/usr/sbin/postfix", ["-c", Path.Combine(root, "conf"), "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Not running (it failed to start); nothing to stop.
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A Postfix process still finishing; the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
