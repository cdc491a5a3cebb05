namespace KnowledgePlatform.Web.Accounts;

/// <summary>Where to go after signing in: only a path inside the back-office, never another site.</summary>
public static class SafeReturnUrl
{
    public const string Default = "/beheer";

    public static string Or(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000)
        {
            return Default;
        }

        // A single leading '/', no '//' or '/\' (protocol-relative), no control characters or backslashes anywhere.
        var local = returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(c => char.IsControl(c) || c == '\\');
        var inBackOffice = returnUrl == Default || returnUrl.StartsWith(Default + "/", StringComparison.OrdinalIgnoreCase)
            || returnUrl.StartsWith(Default + "?", StringComparison.Ordinal);
        return local && inBackOffice ? returnUrl : Default;
    }
}
