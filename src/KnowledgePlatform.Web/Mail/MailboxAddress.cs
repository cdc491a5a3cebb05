using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// An address with an optional display name, valid by construction: the address is plain ASCII
/// (the domain is converted to its IDNA form) and the name has every control character, CR and LF
/// included, replaced by a space. Nothing a visitor types can add a header line.
/// </summary>
public sealed partial record MailboxAddress
{
    private MailboxAddress(string address, string? displayName)
    {
        Address = address;
        DisplayName = displayName;
    }

    public string Address { get; }

    public string? DisplayName { get; }

    public static MailboxAddress Create(string address, string? displayName = null) =>
        TryCreate(address, displayName, out var mailbox)
            ? mailbox
            : throw new ArgumentException($"'{address}' is not a usable e-mail address.", nameof(address));

    public static bool TryCreate(string? address, string? displayName, out MailboxAddress mailbox)
    {
        mailbox = null!;
        var normalized = Normalize(address);
        if (normalized is null)
        {
            return false;
        }

        mailbox = new MailboxAddress(normalized, CleanName(displayName));
        return true;
    }

    /// <summary>The address as stored and compared: trimmed, domain lower-case in IDNA form; null when unusable.</summary>
    public static string? Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 254)
        {
            return null;
        }

        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return null;
        }

        string domain;
        try
        {
            domain = new IdnMapping().GetAscii(trimmed[(at + 1)..]).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var local = trimmed[..at];
        var result = local + "@" + domain;
        return LocalPart().IsMatch(local) && Domain().IsMatch(domain) && local.Length <= 64 ? result : null;
    }

    /// <summary>Control characters (CR, LF, TAB, …) become spaces; runs of spaces collapse; empty becomes null.</summary>
    public static string? CleanName(string? name) => SingleLine(name, 200);

    /// <summary>One line of text: control characters become spaces, runs collapse; null when nothing is left.</summary>
    public static string? SingleLine(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var chars = text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c).ToArray();
        var cleaned = Spaces().Replace(new string(chars), " ").Trim();
        return cleaned.Length == 0 ? null : cleaned.Length > maxLength ? cleaned[..maxLength] : cleaned;
    }

    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";

    // Dot-atom local part (RFC 5322 3.2.3), no quoted strings: what real sign-up forms need.
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$|^localhost$")]
    private static partial Regex Domain();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
