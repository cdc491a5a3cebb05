using System.Runtime.InteropServices;

namespace KnowledgePlatform.Web.Media.Imaging;

/// <summary>
/// Keeps libvips from loading its dynamic modules (Debian ships OpenSlide, poppler, libheif, libjxl and
/// ImageMagick loaders as modules). We accept only JPEG, PNG, WebP and GIF, which are built into libvips,
/// so the modules are attack surface we don't need — and they are dangerous in this process: GModule opens
/// them with global symbol binding, and OpenSlide pulls in the system libsqlite3, whose symbols then win over
/// the bundled e_sqlite3 that EF Core uses (FTS5 calls landed in the wrong SQLite and the process crashed
/// with SIGSEGV). libvips looks for modules under $VIPSHOME/lib; pointing VIPSHOME at a folder without them
/// disables module loading and nothing else.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments",
    Justification = "Both strings are marshalled explicitly as UTF-8 (LPUTF8Str); the rule only recognises LPWStr.")]
internal static class VipsModules
{
    private const string NoModulesHome = "/nonexistent/kp-vips-without-modules";

    /// <summary>Call before vips_init. Sets the variable in the C environment, which is what GLib reads:
    /// .NET's Environment.SetEnvironmentVariable only changes the managed copy on Unix.</summary>
    public static void Disable()
    {
        if (SetEnv("VIPSHOME", NoModulesHome, overwrite: 1) != 0)
        {
            throw new ImageProcessorUnavailableException("Could not set VIPSHOME to keep libvips from loading its modules.");
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
