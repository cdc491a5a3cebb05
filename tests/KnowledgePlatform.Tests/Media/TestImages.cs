using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace KnowledgePlatform.Tests.Media;

/// <summary>
/// Real test files, made when needed (nothing big is committed): PNGs written here, other image formats
/// converted from them by the `vips` command (Debian libvips-tools), and hand-made documents and headers.
/// </summary>
public static class TestImages
{
    /// <summary>A PNG whose left half is black and right half white (so a crop shows where it was cut).</summary>
    public static byte[] Png(int width, int height, bool alpha = false)
    {
        var channels = alpha ? 4 : 3;
        var raw = new byte[(width * channels + 1) * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * channels + 1);
            for (var x = 0; x < width; x++)
            {
                var value = x < width / 2 ? (byte)0 : (byte)255;
                for (var c = 0; c < 3; c++)
                {
                    raw[row + 1 + (x * channels) + c] = value;
                }

                if (alpha)
                {
                    raw[row + 1 + (x * channels) + 3] = 0; // fully transparent
                }
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        return PngFile(width, height, alpha ? (byte)6 : (byte)2, compressed.ToArray());
    }

    /// <summary>A valid PNG signature and IHDR claiming any size, with a tiny (wrong) image body: a decompression bomb's header.</summary>
    public static byte[] PngClaiming(int width, int height) => PngFile(width, height, 2, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);

    private static byte[] PngFile(int width, int height, byte colourType, byte[] idat)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = colourType;
        Chunk(file, "IHDR", ihdr);
        Chunk(file, "IDAT", idat);
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        file.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Converts a PNG with the vips command to another format by file extension (jpg, webp, gif).</summary>
    public static byte[] Convert(byte[] png, string extension)
    {
        var dir = Directory.CreateTempSubdirectory("kp-img-").FullName;
        try
        {
            var source = Path.Combine(dir, "in.png");
            // "webp[lossless]": libvips reads save options from brackets after the file name.
            var target = Path.Combine(dir, "out." + extension);
            File.WriteAllBytes(source, png);
            Vips("copy", source, target);
            return File.ReadAllBytes(target.Split('[')[0]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static byte[] Jpeg(int width, int height) => Convert(Png(width, height), "jpg");

    /// <summary>The mean pixel value (0–255) of an image file, computed by libvips' own command.</summary>
    public static double Average(string path) =>
        double.Parse(Vips("avg", path).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public static string Vips(params string[] args)
    {
        var start = new ProcessStartInfo("vips") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("vips did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output
            : throw new InvalidOperationException($"vips {string.Join(' ', args)} failed (install libvips-tools): {error}");
    }

    public static byte[] Docx(bool withMacros = false) => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
        withMacros ? ("word/vbaProject.bin", "macro") : ("docProps/app.xml", "<Properties/>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A minimal compound file (legacy Office): header, one FAT sector, one directory sector with the given streams.</summary>
    public static byte[] CompoundFile(params string[] streams)
    {
        var file = new byte[512 * 3];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x18), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1A), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1C), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1E), 9);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x20), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x2C), 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x30), 1); // directory starts in sector 1
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C + (i * 4)), i == 0 ? 0u : 0xFFFFFFFF);
        }

        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD); // sector 0 is the FAT
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE); // sector 1 (directory) ends its chain
        string[] names = ["Root Entry", .. streams];
        for (var i = 0; i < Math.Min(names.Length, 4); i++)
        {
            var entry = file.AsSpan(1024 + (i * 128), 128);
            var name = Encoding.Unicode.GetBytes(names[i] + "\0");
            name.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)name.Length);
            entry[0x42] = i == 0 ? (byte)5 : (byte)2;
        }

        return file;
    }

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
}
