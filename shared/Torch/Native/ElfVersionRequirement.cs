namespace StreamProcessor.Torch.Native;

/// <summary>
/// One Elf64_Vernaux entry of a shared object's <c>.gnu.version_r</c> section: the object needs symbol
/// version <see cref="VersionName"/> from the library <see cref="LibraryFile"/>.
/// </summary>
/// <param name="LibraryFile">vn_file of the enclosing Elf64_Verneed, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="VersionName">vna_name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Flags">vna_flags; bit 0x2 is VER_FLG_WEAK.</param>
/// <param name="FlagsFileOffset">Byte offset of vna_flags in the file, where a patch writes.</param>
public sealed record ElfVersionRequirement(string LibraryFile, string VersionName, ushort Flags, long FlagsFileOffset)
{
    /// <summary>VER_FLG_WEAK from elf.h: a missing version is then not an error for ld.so.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>True when the dynamic loader treats a missing version as non-fatal.</summary>
    public bool IsWeak => (Flags & WeakFlag) != 0;
}
