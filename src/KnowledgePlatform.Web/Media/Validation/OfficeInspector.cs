using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KnowledgePlatform.Web.Media.Validation;

/// <summary>
/// Which Office document a ZIP (OOXML) or compound file (legacy .doc/.xls/.ppt) is, from its structure:
/// an OOXML package must have <c>[Content_Types].xml</c> and the main part's folder; a compound file must
/// have the main stream's directory entry. Documents with macros are refused: <see cref="OfficeCheck.HasMacros"/>.
/// </summary>
public static class OfficeInspector
{
    public sealed record OfficeCheck(MediaFormat? Format, bool HasMacros);

    public static OfficeCheck Package(Stream file)
    {
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                return new OfficeCheck(null, false);
            }

            var macros = names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));
            MediaFormat? format = names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? MediaFormat.Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? MediaFormat.Xlsx
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? MediaFormat.Pptx
                : null;
            return new OfficeCheck(format, macros);
        }
        catch (InvalidDataException)
        {
            return new OfficeCheck(null, false);
        }
    }

    /// <summary>Reads the compound file's directory (following its sector chain through the header's FAT list).</summary>
    public static OfficeCheck CompoundFile(Stream file)
    {
        var names = DirectoryNames(file);
        var macros = names.Overlaps(["Macros", "_VBA_PROJECT_CUR", "VBA"]);
        MediaFormat? format = names.Contains("WordDocument") ? MediaFormat.Doc
            : names.Contains("Workbook") || names.Contains("Book") ? MediaFormat.Xls
            : names.Contains("PowerPoint Document") ? MediaFormat.Ppt
            : null;
        return new OfficeCheck(format, macros);
    }

    private const uint EndOfChain = 0xFFFFFFFE;

    private static HashSet<string> DirectoryNames(Stream file)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var header = new byte[512];
        file.Position = 0;
        if (file.ReadAtLeast(header, 512, throwOnEndOfStream: false) < 512)
        {
            return names;
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (shift is not (9 or 12))
        {
            return names;
        }

        var sectorSize = 1 << shift;
        var fatSectors = Enumerable.Range(0, 109)
            .Select(i => BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + (i * 4))))
            .TakeWhile(s => s < EndOfChain).ToArray();
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        var buffer = new byte[sectorSize];
        // Bounded: a directory of 256 sectors holds thousands of entries; a loop in a crafted chain ends here.
        for (var hops = 0; sector < EndOfChain && hops < 256; hops++)
        {
            if (!ReadSector(file, sector, sectorSize, buffer))
            {
                break;
            }

            for (var entry = 0; entry + 128 <= sectorSize; entry += 128)
            {
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(entry + 0x40));
                if (nameBytes is >= 2 and <= 64)
                {
                    names.Add(Encoding.Unicode.GetString(buffer, entry, nameBytes - 2));
                }
            }

            sector = NextSector(file, fatSectors, sector, sectorSize);
        }

        return names;
    }

    private static uint NextSector(Stream file, uint[] fatSectors, uint sector, int sectorSize)
    {
        var perSector = sectorSize / 4;
        var index = sector / perSector;
        if (index >= fatSectors.Length)
        {
            return EndOfChain;
        }

        var buffer = new byte[4];
        file.Position = ((long)fatSectors[index] + 1) * sectorSize + (sector % perSector * 4);
        return file.ReadAtLeast(buffer, 4, throwOnEndOfStream: false) == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(buffer) : EndOfChain;
    }

    private static bool ReadSector(Stream file, uint sector, int sectorSize, byte[] buffer)
    {
        var offset = ((long)sector + 1) * sectorSize;
        if (offset + sectorSize > file.Length)
        {
            return false;
        }

        file.Position = offset;
        return file.ReadAtLeast(buffer, sectorSize, throwOnEndOfStream: false) == sectorSize;
    }
}
