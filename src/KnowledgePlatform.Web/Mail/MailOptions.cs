namespace KnowledgePlatform.Web.Mail;

/// <summary>`Smtp:*`: the relay every mail goes through. Credentials come from settings or the environment, never the repo.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>Require STARTTLS (and a valid certificate) before anything else is said.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Seconds to wait for any one reply before the connection counts as broken.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Path to a PEM file with the certificate of a private relay, or of the CA that signed it, to trust
    /// besides the system's roots (the name must still match Smtp:Host). Never "accept any certificate".
    /// </summary>
    public string? TrustedCertificate { get; set; }
}

/// <summary>`Newsletter:*` sending settings; they govern the one dispatcher for every mail.</summary>
public sealed class SendingOptions
{
    public const string Section = "Newsletter";

    public string FromAddress { get; set; } = "nieuwsbrief@localhost";

    public string? FromName { get; set; }

    /// <summary>Across all connections of this instance.</summary>
    public int MaxMessagesPerSecond { get; set; } = 50;

    /// <summary>SMTP connections (and workers) per instance.</summary>
    public int Connections { get; set; } = 2;

    /// <summary>Rows claimed at once per worker.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Rows marked in flight at once: at most this many per worker become uncertain when the process dies mid-send.</summary>
    public int InFlightChunk { get; set; } = 10;

    /// <summary>How long a claim holds; a dead instance's work is picked up (or marked uncertain) after it.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>4xx replies are retried with backoff up to this many attempts, then recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles with each attempt.</summary>
    public int RetryBaseSeconds { get; set; } = 60;
}
