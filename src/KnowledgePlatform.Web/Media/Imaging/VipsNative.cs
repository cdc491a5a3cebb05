using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace KnowledgePlatform.Web.Media.Imaging;

/// <summary>
/// The few libvips 8.x (Debian libvips42) and GLib entry points we use. libvips' operations are C varargs
/// functions ending in NULL-terminated name/value pairs; .NET cannot call varargs directly, so each use is
/// declared with a fixed signature. That is sound on the ABIs we run on (x86-64 System V and AArch64 Linux
/// pass variadic integer and pointer arguments exactly like fixed ones) as long as every optional value is an
/// int or a pointer, never a double — keep it that way when adding options.
/// </summary>
[SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments",
    Justification = "Every string is marshalled explicitly as UTF-8 (LPUTF8Str), which libvips expects; the rule only recognises LPWStr.")]
internal static class VipsNative
{
    public const string Vips = "libvips.so.42";
    public const string GObject = "libgobject-2.0.so.0";
    public const string GLib = "libglib-2.0.so.0";

    /// <summary>VipsSize: shrink only, never enlarge.</summary>
    public const int SizeDown = 2;

    /// <summary>VIPS_MAX_COORD: "no limit" for the height of a width-only thumbnail.</summary>
    public const int MaxCoord = 10_000_000;

    [DllImport(Vips, EntryPoint = "vips_init")]
    public static extern int Init([MarshalAs(UnmanagedType.LPUTF8Str)] string argv0);

    [DllImport(Vips, EntryPoint = "vips_version")]
    public static extern int Version(int flag);

    [DllImport(Vips, EntryPoint = "vips_concurrency_set")]
    public static extern void ConcurrencySet(int threads);

    [DllImport(Vips, EntryPoint = "vips_cache_set_max")]
    public static extern void CacheSetMax(int operations);

    [DllImport(Vips, EntryPoint = "vips_cache_set_max_mem")]
    public static extern void CacheSetMaxMem(nuint bytes);

    [DllImport(Vips, EntryPoint = "vips_cache_set_max_files")]
    public static extern void CacheSetMaxFiles(int files);

    [DllImport(Vips, EntryPoint = "vips_block_untrusted_set")]
    public static extern void BlockUntrustedSet([MarshalAs(UnmanagedType.Bool)] bool block);

    [DllImport(Vips, EntryPoint = "vips_error_buffer")]
    public static extern IntPtr ErrorBuffer();

    [DllImport(Vips, EntryPoint = "vips_error_clear")]
    public static extern void ErrorClear();

    // VipsImage *vips_image_new_from_file(const char *name, ...): lazy, reads the header only.
    [DllImport(Vips, EntryPoint = "vips_image_new_from_file")]
    public static extern IntPtr ImageNewFromFile([MarshalAs(UnmanagedType.LPUTF8Str)] string name, IntPtr terminator);

    [DllImport(Vips, EntryPoint = "vips_image_get_width")]
    public static extern int ImageGetWidth(IntPtr image);

    [DllImport(Vips, EntryPoint = "vips_image_get_height")]
    public static extern int ImageGetHeight(IntPtr image);

    [DllImport(Vips, EntryPoint = "vips_image_hasalpha")]
    public static extern int ImageHasAlpha(IntPtr image);

    [DllImport(Vips, EntryPoint = "vips_image_get_int")]
    public static extern int ImageGetInt(IntPtr image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, out int value);

    // int vips_thumbnail(const char *filename, VipsImage **out, int width, ...): shrink-on-load where the format allows.
    [DllImport(Vips, EntryPoint = "vips_thumbnail")]
    public static extern int Thumbnail([MarshalAs(UnmanagedType.LPUTF8Str)] string filename, out IntPtr output, int width,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string heightName, int height, [MarshalAs(UnmanagedType.LPUTF8Str)] string sizeName, int size, IntPtr terminator);

    [DllImport(Vips, EntryPoint = "vips_extract_area")]
    public static extern int ExtractArea(IntPtr input, out IntPtr output, int left, int top, int width, int height, IntPtr terminator);

    // The background is a VipsArrayDouble* (a pointer), so this stays within the int/pointer rule above.
    [DllImport(Vips, EntryPoint = "vips_flatten")]
    public static extern int Flatten(IntPtr input, out IntPtr output, [MarshalAs(UnmanagedType.LPUTF8Str)] string backgroundName, IntPtr background, IntPtr terminator);

    [DllImport(Vips, EntryPoint = "vips_array_double_new")]
    public static extern IntPtr ArrayDoubleNew(double[] values, int count);

    [DllImport(Vips, EntryPoint = "vips_area_unref")]
    public static extern void AreaUnref(IntPtr area);

    [DllImport(Vips, EntryPoint = "vips_webpsave")]
    public static extern int WebpSave(IntPtr input, [MarshalAs(UnmanagedType.LPUTF8Str)] string filename, [MarshalAs(UnmanagedType.LPUTF8Str)] string qualityName, int quality,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string stripName, int strip, IntPtr terminator);

    [DllImport(Vips, EntryPoint = "vips_jpegsave")]
    public static extern int JpegSave(IntPtr input, [MarshalAs(UnmanagedType.LPUTF8Str)] string filename, [MarshalAs(UnmanagedType.LPUTF8Str)] string qualityName, int quality,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string stripName, int strip, [MarshalAs(UnmanagedType.LPUTF8Str)] string interlaceName, int interlace, [MarshalAs(UnmanagedType.LPUTF8Str)] string optimizeName, int optimize, IntPtr terminator);

    [DllImport(GLib, EntryPoint = "g_setenv")]
    public static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string variable, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport(GObject, EntryPoint = "g_object_unref")]
    public static extern void ObjectUnref(IntPtr instance);
}
