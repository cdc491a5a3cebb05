namespace KnowledgePlatform.Web.Mail.Smtp;

/// <summary>One (possibly multi-line) server reply: the three-digit code and the text lines.</summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>4xx: try again later (greylisting, full mailbox, rate limit).</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    public string Text => $"{Code} {string.Join(" ", Lines)}".Trim();
}

/// <summary>What became of one message on the wire.</summary>
public enum SendOutcome
{
    /// <summary>The server answered 2xx to the end of the data: it has the message.</summary>
    Accepted,

    /// <summary>A 4xx reply: not delivered, may be retried.</summary>
    Transient,

    /// <summary>A 5xx reply: not delivered, do not retry.</summary>
    Permanent,

    /// <summary>The connection failed before the end of the data was written: the server cannot have it.</summary>
    NotTransmitted,

    /// <summary>The end of the data was written but no reply came: the server may or may not have it.</summary>
    Unknown,
}

public sealed record SendResult(SendOutcome Outcome, string? Reply);

/// <summary>The server could not be reached or refused the session (greeting, EHLO, STARTTLS, AUTH).</summary>
public sealed class SmtpConnectException(string message, Exception? inner = null) : Exception(message, inner);
