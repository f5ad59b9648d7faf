using StreamProcessor.Torch.Native;

namespace StreamProcessor.Torch.Tests;

public sealed class ElfVersionNeedsTests
{
    private static readonly string ShippedLibrary =
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void Reads_the_libstdcxx_requirements_that_readelf_lists()
    {
        var requirements = ElfVersionNeeds.Read(File.ReadAllBytes(ShippedLibrary));

        // `readelf -V libLibTorchSharp.so` (TorchSharp 0.107.0): 5 Verneed entries with 28 Vernaux entries in all,
        // 20 of them for libstdc++.so.6, among them GLIBCXX_3.4.32 (version index 18) and CXXABI_1.3.13; flags none.
        Assert.Equal(28, requirements.Count);
        var libstdcxx = requirements.Where(r => r.LibraryFile == "libstdc++.so.6").ToList();
        Assert.Equal(20, libstdcxx.Count);
        Assert.Contains(libstdcxx, r => r.VersionName == "CXXABI_1.3.13");
        var needed = Assert.Single(libstdcxx, r => r.VersionName == "GLIBCXX_3.4.32");
        Assert.False(needed.IsWeak);
        Assert.Contains(requirements, r => r.LibraryFile == "libc.so.6" && r.VersionName == "GLIBC_2.34");
    }

    [Fact]
    public void MarkWeak_sets_the_weak_flag_on_that_entry_and_changes_nothing_else()
    {
        byte[] original = File.ReadAllBytes(ShippedLibrary);
        byte[] patched = (byte[])original.Clone();

        Assert.True(ElfVersionNeeds.MarkWeak(patched, "libstdc++.so.6", "GLIBCXX_3.4.32"));

        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        var entry = Assert.Single(ElfVersionNeeds.Read(patched), r => r.VersionName == "GLIBCXX_3.4.32");
        Assert.True(entry.IsWeak);
        Assert.Equal([(int)entry.FlagsFileOffset], changed);
        Assert.Equal(ElfVersionRequirement.WeakFlag, patched[entry.FlagsFileOffset]);
        Assert.All(ElfVersionNeeds.Read(patched).Where(r => r.VersionName != "GLIBCXX_3.4.32"), r => Assert.False(r.IsWeak));
    }

    [Fact]
    public void MarkWeak_reports_a_requirement_that_is_not_there()
    {
        byte[] image = File.ReadAllBytes(ShippedLibrary);
        Assert.False(ElfVersionNeeds.MarkWeak(image, "libstdc++.so.6", "GLIBCXX_9.9.9"));
    }

    [Fact]
    public void Read_rejects_bytes_that_are_not_elf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(new byte[128]));
    }
}
