using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Security.Cryptography;
using TorchSharp;

namespace StreamProcessor.Torch.Native;

/// <summary>
/// Loads the TorchSharp natives on linux-x64 hosts whose libstdc++ is older than the one TorchSharp was built with.
/// </summary>
/// <remarks>
/// TorchSharp 0.107.0's libLibTorchSharp.so lists GLIBCXX_3.4.32 (GCC 13) in .gnu.version_r for a single symbol,
/// <c>std::ios_base_library_init()</c>, which has no relocation in the file (readelf -r shows none), so it is
/// never bound. Debian 12's libstdc++ stops at GLIBCXX_3.4.30 and ld.so refuses the whole file. Marking that one
/// Elf64_Vernaux entry VER_FLG_WEAK turns the refusal into a non-fatal miss (glibc elf/dl-version.c,
/// match_symbol). The patch goes to a private copy; the libtorch libraries it needs (NEEDED libc10.so,
/// libtorch_cpu.so, libtorch.so) are preloaded from the original folder with full paths, so ld.so finds them by
/// soname although the copy's $ORIGIN runpath points elsewhere. TorchSharp then reaches the copy through a
/// DllImport resolver on its assembly, and its own NativeLibrary.TryLoad("LibTorchSharp", assembly) probe (which
/// bypasses DllImport resolvers) through the load context's ResolvingUnmanagedDll event.
/// Where the original loads as it is, nothing is patched.
/// </remarks>
public static class TorchRuntime
{
    private const string LibTorchSharpFile = "libLibTorchSharp.so";
    private const string StdCxxLibrary = "libstdc++.so.6";
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private static readonly string[] Preloaded = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    private static readonly Lock Gate = new();
    private static TorchNativeLoad? _loaded;
    private static IntPtr _libTorchSharpHandle;

    /// <summary>
    /// Makes TorchSharp usable; call before any other torch use. Idempotent and thread-safe: the first caller
    /// does the work, later callers get the same result.
    /// </summary>
    /// <exception cref="DllNotFoundException">The natives cannot be found or loaded even after patching.</exception>
    public static TorchNativeLoad EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded) is { } done)
        {
            return done;
        }

        lock (Gate)
        {
            _loaded ??= Load();
            return _loaded;
        }
    }

    private static TorchNativeLoad Load()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return new TorchNativeLoad(null, null, Patched: false);
        }

        string oneDnnIsa = OneDnnIsaCap.Apply();
        var (libTorchDirectory, original) = LocateNatives();
        foreach (var name in Preloaded)
        {
            NativeLibrary.Load(Path.Combine(libTorchDirectory, name));
        }

        string loadedPath = original;
        bool patched = false;
        if (!NativeLibrary.TryLoad(original, out _libTorchSharpHandle))
        {
            byte[] image = File.ReadAllBytes(original);
            bool needsWeakVersion = ElfVersionNeeds.Read(image)
                .Any(r => r.LibraryFile == StdCxxLibrary && r.VersionName == MissingVersion && !r.IsWeak);
            if (!needsWeakVersion || !ElfVersionNeeds.MarkWeak(image, StdCxxLibrary, MissingVersion))
            {
                // Not the failure this class knows how to fix: let the loader report the real reason.
                NativeLibrary.Load(original);
            }

            loadedPath = WritePrivateCopy(image);
            _libTorchSharpHandle = NativeLibrary.Load(loadedPath);
            patched = true;
        }

        RegisterResolvers(typeof(torch).Assembly);
        return new TorchNativeLoad(libTorchDirectory, loadedPath, patched) { OneDnnMaxIsa = oneDnnIsa };
    }

    private static void RegisterResolvers(Assembly torchAssembly)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(torchAssembly, (name, _, _) => IsLibTorchSharp(name) ? _libTorchSharpHandle : IntPtr.Zero);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                "Another component already set a DllImport resolver on TorchSharp; TorchRuntime.EnsureLoaded must own it.", e);
        }

        var context = AssemblyLoadContext.GetLoadContext(torchAssembly) ?? AssemblyLoadContext.Default;
        context.ResolvingUnmanagedDll += (assembly, name) =>
            assembly == torchAssembly && IsLibTorchSharp(name) ? _libTorchSharpHandle : IntPtr.Zero;
    }

    private static bool IsLibTorchSharp(string name) =>
        name is "LibTorchSharp" or "libLibTorchSharp" or LibTorchSharpFile;

    /// <summary>Finds (libtorch folder, original libLibTorchSharp.so): next to the app first, then the NuGet cache.</summary>
    private static (string LibTorchDirectory, string LibTorchSharp) LocateNatives()
    {
        var torchAssemblyDirectory = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        string[] appFolders =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
            .. torchAssemblyDirectory is null ? Array.Empty<string>() : [Path.Combine(torchAssemblyDirectory, "runtimes", "linux-x64", "native")],
        ];
        foreach (var folder in appFolders)
        {
            if (File.Exists(Path.Combine(folder, LibTorchSharpFile)) && Preloaded.All(n => File.Exists(Path.Combine(folder, n))))
            {
                return (folder, Path.Combine(folder, LibTorchSharpFile));
            }
        }

        // NuGet layout: <root>/torchsharp/<version>/runtimes/linux-x64/native and
        // <root>/libtorch-cpu-linux-x64/<version>/runtimes/linux-x64/native (root: NUGET_PACKAGES or ~/.nuget/packages).
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = typeof(torch).Assembly.GetName().Version;
        string torchSharpVersion = version is null ? string.Empty : $"{version.Major}.{version.Minor}.{version.Build}";
        string torchSharp = Path.Combine(root, "torchsharp", torchSharpVersion, "runtimes", "linux-x64", "native", LibTorchSharpFile);
        string packages = Path.Combine(root, "libtorch-cpu-linux-x64");
        string? libTorch = Directory.Exists(packages)
            ? Directory.GetDirectories(packages)
                .Select(d => Path.Combine(d, "runtimes", "linux-x64", "native"))
                .Where(d => Preloaded.All(n => File.Exists(Path.Combine(d, n))))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(d)))), out var v) ? v : new Version())
                .FirstOrDefault()
            : null;
        if (File.Exists(torchSharp) && libTorch is not null)
        {
            return (libTorch, torchSharp);
        }

        throw new DllNotFoundException(
            $"TorchSharp natives not found: looked for {LibTorchSharpFile} with {string.Join(", ", Preloaded)} in " +
            $"{string.Join("; ", appFolders)} and in the NuGet cache {root}. Reference TorchSharp-cpu (or -cuda-linux).");
    }

    /// <summary>
    /// Writes the patched image under a per-user cache folder named by its SHA-256, so concurrent processes
    /// share one copy and a stale or altered file is never loaded (its hash would not match).
    /// </summary>
    private static string WritePrivateCopy(byte[] image)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(image));
        string baseFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(baseFolder))
        {
            baseFolder = Path.GetTempPath();
        }

        string folder = Path.Combine(baseFolder, "StreamProcessor", "torch-native", hash[..16]);
        string target = Path.Combine(folder, LibTorchSharpFile);
        if (File.Exists(target) && Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target))) == hash)
        {
            return target;
        }

        Directory.CreateDirectory(folder);
        string staging = Path.Combine(folder, $"{LibTorchSharpFile}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(staging, image);
        File.Move(staging, target, overwrite: true);
        return target;
    }
}
