using System.Buffers.Binary;
using System.Text;

namespace StreamProcessor.Torch.Native;

/// <summary>
/// Reads and patches the symbol-version requirements (<c>.gnu.version_r</c>, SHT_GNU_verneed) of a
/// little-endian ELF64 shared object.
/// </summary>
/// <remarks>
/// Layouts from the System V gABI and the LSB "Symbol Versioning" chapter (glibc elf.h): Elf64_Ehdr,
/// Elf64_Shdr (64 bytes), Elf64_Verneed {vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32}
/// and Elf64_Vernaux {vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32}. The section
/// is found by name through the section-name string table (e_shstrndx); vn_file and vna_name are offsets
/// into the string section named by the verneed section's sh_link (normally .dynstr).
/// </remarks>
public static class ElfVersionNeeds
{
    private const int ElfHeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort ShnXindex = 0xffff;
    private const string VerneedSectionName = ".gnu.version_r";

    /// <summary>Lists every (library, version) requirement of the ELF image.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed little-endian ELF64 file.</exception>
    public static IReadOnlyList<ElfVersionRequirement> Read(ReadOnlySpan<byte> elf)
    {
        var requirements = new List<ElfVersionRequirement>();
        if (FindVerneedSection(elf) is not { } section)
        {
            return requirements;
        }

        var (verneedOffset, verneedSize, verneedCount, strtabOffset, strtabSize) = section;
        long entryOffset = verneedOffset;
        for (uint i = 0; i < verneedCount; i++)
        {
            RequireRange(elf, entryOffset, 16, "Elf64_Verneed");
            RequireInside(entryOffset, 16, verneedOffset, verneedSize, "Elf64_Verneed");
            var entry = elf[(int)entryOffset..];
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(entry);
            ushort auxCount = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
            uint fileName = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            uint auxOffset = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            uint next = BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);
            if (version != 1)
            {
                throw new InvalidDataException($"Elf64_Verneed at 0x{entryOffset:x} has vn_version {version}; only version 1 is defined.");
            }

            string library = ReadString(elf, strtabOffset, strtabSize, fileName);
            long auxEntry = entryOffset + auxOffset;
            for (int k = 0; k < auxCount; k++)
            {
                RequireRange(elf, auxEntry, 16, "Elf64_Vernaux");
                RequireInside(auxEntry, 16, verneedOffset, verneedSize, "Elf64_Vernaux");
                var aux = elf[(int)auxEntry..];
                ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(aux[4..]);
                uint name = BinaryPrimitives.ReadUInt32LittleEndian(aux[8..]);
                uint auxNext = BinaryPrimitives.ReadUInt32LittleEndian(aux[12..]);
                requirements.Add(new ElfVersionRequirement(library, ReadString(elf, strtabOffset, strtabSize, name), flags, auxEntry + 4));
                if (auxNext == 0)
                {
                    break;
                }

                auxEntry += auxNext;
            }

            if (next == 0)
            {
                break;
            }

            entryOffset += next;
        }

        return requirements;
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on the requirement of <paramref name="versionName"/> from <paramref name="libraryFile"/>,
    /// in place. Returns false when the image has no such requirement.
    /// </summary>
    public static bool MarkWeak(Span<byte> elf, string libraryFile, string versionName)
    {
        bool found = false;
        foreach (var requirement in Read(elf))
        {
            if (requirement.LibraryFile == libraryFile && requirement.VersionName == versionName)
            {
                ushort flags = (ushort)(requirement.Flags | ElfVersionRequirement.WeakFlag);
                BinaryPrimitives.WriteUInt16LittleEndian(elf[(int)requirement.FlagsFileOffset..], flags);
                found = true;
            }
        }

        return found;
    }

    private static (long Offset, long Size, uint Count, long StrtabOffset, long StrtabSize)? FindVerneedSection(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < ElfHeaderSize || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("Not an ELF file (bad magic).");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"Only little-endian ELF64 is supported (EI_CLASS={elf[4]}, EI_DATA={elf[5]}).");
        }

        long sectionTable = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]));
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        long sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        long nameTableIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3E..]);
        if (sectionTable == 0)
        {
            return null;
        }

        if (entrySize != SectionHeaderSize)
        {
            throw new InvalidDataException($"e_shentsize is {entrySize}, expected {SectionHeaderSize}.");
        }

        // Extended numbering (gABI): with e_shnum == 0 the count is in section 0's sh_size, and with
        // e_shstrndx == SHN_XINDEX the index is in section 0's sh_link.
        RequireRange(elf, sectionTable, SectionHeaderSize, "section header 0");
        if (sectionCount == 0)
        {
            sectionCount = checked((long)Header(elf, sectionTable, 0).Size);
        }

        if (nameTableIndex == ShnXindex)
        {
            nameTableIndex = Header(elf, sectionTable, 0).Link;
        }

        RequireRange(elf, sectionTable, checked(sectionCount * SectionHeaderSize), "section header table");
        if (nameTableIndex >= sectionCount)
        {
            throw new InvalidDataException($"e_shstrndx {nameTableIndex} is outside the {sectionCount} section headers.");
        }

        var names = Header(elf, sectionTable, nameTableIndex);
        for (long i = 0; i < sectionCount; i++)
        {
            var header = Header(elf, sectionTable, i);
            if (ReadString(elf, names.Offset, names.Size, header.Name) != VerneedSectionName)
            {
                continue;
            }

            if (header.Type != ShtGnuVerneed)
            {
                throw new InvalidDataException($"{VerneedSectionName} has type 0x{header.Type:x}, expected SHT_GNU_verneed.");
            }

            if (header.Link >= sectionCount)
            {
                throw new InvalidDataException($"{VerneedSectionName} links to missing section {header.Link}.");
            }

            var strings = Header(elf, sectionTable, header.Link);
            RequireRange(elf, header.Offset, header.Size, VerneedSectionName);
            RequireRange(elf, strings.Offset, strings.Size, "verneed string table");
            // sh_info of SHT_GNU_verneed holds the number of Elf64_Verneed entries.
            return (header.Offset, header.Size, header.Info, strings.Offset, strings.Size);
        }

        return null;
    }

    private static (uint Name, uint Type, long Offset, long Size, uint Link, uint Info) Header(ReadOnlySpan<byte> elf, long table, long index)
    {
        var h = elf.Slice(checked((int)(table + (index * SectionHeaderSize))), SectionHeaderSize);
        return (
            BinaryPrimitives.ReadUInt32LittleEndian(h),
            BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
            checked((long)BinaryPrimitives.ReadUInt64LittleEndian(h[24..])),
            checked((long)BinaryPrimitives.ReadUInt64LittleEndian(h[32..])),
            BinaryPrimitives.ReadUInt32LittleEndian(h[40..]),
            BinaryPrimitives.ReadUInt32LittleEndian(h[44..]));
    }

    private static string ReadString(ReadOnlySpan<byte> elf, long tableOffset, long tableSize, uint offset)
    {
        if (offset >= tableSize)
        {
            throw new InvalidDataException($"String offset {offset} is outside its table of {tableSize} bytes.");
        }

        var rest = elf.Slice(checked((int)(tableOffset + offset)), checked((int)(tableSize - offset)));
        int end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw new InvalidDataException($"String at offset {offset} is not NUL-terminated inside its table.");
        }

        return Encoding.ASCII.GetString(rest[..end]);
    }

    private static void RequireRange(ReadOnlySpan<byte> elf, long offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset > elf.Length || length > elf.Length - offset)
        {
            throw new InvalidDataException($"{what} (offset {offset}, {length} bytes) lies outside the {elf.Length}-byte file.");
        }
    }

    private static void RequireInside(long offset, long length, long sectionOffset, long sectionSize, string what)
    {
        if (offset < sectionOffset || offset + length > sectionOffset + sectionSize)
        {
            throw new InvalidDataException($"{what} at 0x{offset:x} lies outside {VerneedSectionName}.");
        }
    }
}
