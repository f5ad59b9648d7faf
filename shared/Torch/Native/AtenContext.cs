using System.Runtime.InteropServices;

namespace StreamProcessor.Torch.Native;

/// <summary>
/// libtorch's deterministic-algorithm switches, which TorchSharp 0.107 declares but does not implement
/// (<c>torch.use_deterministic_algorithms</c> is marked "not implemented"): the member functions of
/// <c>at::Context</c> behind Python's <c>torch.use_deterministic_algorithms</c> and
/// <c>torch.backends.mkldnn.deterministic</c> (ATen/Context.h), called on <c>at::globalContext()</c> through their
/// exported Itanium-ABI symbols in libtorch_cpu.so (the object pointer is the first argument).
/// </summary>
public static unsafe class AtenContext
{
    private static readonly Lazy<Functions?> Exports = new(Resolve);

    /// <summary>True when this libtorch exports the switches (linux-x64 libtorch 2.x).</summary>
    public static bool IsAvailable => Exports.Value is not null;

    /// <summary>
    /// at::Context::setDeterministicAlgorithms(mode, warnOnly) and setDeterministicMkldnn(mode). With
    /// <paramref name="warnOnly"/> an op without a deterministic form warns instead of throwing.
    /// </summary>
    /// <returns>False (and nothing changed) where the symbols are not exported.</returns>
    public static bool TrySetDeterministic(bool mode, bool warnOnly)
    {
        if (Exports.Value is not { } f)
        {
            return false;
        }

        f.SetAlgorithms(f.Context, (byte)(mode ? 1 : 0), (byte)(warnOnly ? 1 : 0));
        f.SetMkldnn(f.Context, (byte)(mode ? 1 : 0));
        return true;
    }

    /// <summary>at::Context::deterministicAlgorithms(); null where the symbol is not exported.</summary>
    public static bool? DeterministicAlgorithms => Exports.Value is { } f ? f.GetAlgorithms(f.Context) != 0 : null;

    /// <summary>at::Context::deterministicMkldnn(); null where the symbol is not exported.</summary>
    public static bool? DeterministicMkldnn => Exports.Value is { } f ? f.GetMkldnn(f.Context) != 0 : null;

    private static Functions? Resolve()
    {
        var natives = TorchRuntime.EnsureLoaded();
        if (natives.LibTorchDirectory is null
            || !NativeLibrary.TryLoad(Path.Combine(natives.LibTorchDirectory, "libtorch_cpu.so"), out IntPtr library))
        {
            return null;
        }

        bool found =
            NativeLibrary.TryGetExport(library, "_ZN2at13globalContextEv", out IntPtr globalContext) &
            NativeLibrary.TryGetExport(library, "_ZN2at7Context26setDeterministicAlgorithmsEbb", out IntPtr setAlgorithms) &
            NativeLibrary.TryGetExport(library, "_ZNK2at7Context23deterministicAlgorithmsEv", out IntPtr getAlgorithms) &
            NativeLibrary.TryGetExport(library, "_ZN2at7Context22setDeterministicMkldnnEb", out IntPtr setMkldnn) &
            NativeLibrary.TryGetExport(library, "_ZNK2at7Context19deterministicMkldnnEv", out IntPtr getMkldnn);
        if (!found)
        {
            return null;
        }

        var context = ((delegate* unmanaged<IntPtr>)globalContext)();
        return new Functions(
            context,
            (delegate* unmanaged<IntPtr, byte, byte, void>)setAlgorithms,
            (delegate* unmanaged<IntPtr, byte>)getAlgorithms,
            (delegate* unmanaged<IntPtr, byte, void>)setMkldnn,
            (delegate* unmanaged<IntPtr, byte>)getMkldnn);
    }

    private sealed class Functions(
        IntPtr context,
        delegate* unmanaged<IntPtr, byte, byte, void> setAlgorithms,
        delegate* unmanaged<IntPtr, byte> getAlgorithms,
        delegate* unmanaged<IntPtr, byte, void> setMkldnn,
        delegate* unmanaged<IntPtr, byte> getMkldnn)
    {
        public IntPtr Context { get; } = context;

        public delegate* unmanaged<IntPtr, byte, byte, void> SetAlgorithms { get; } = setAlgorithms;

        public delegate* unmanaged<IntPtr, byte> GetAlgorithms { get; } = getAlgorithms;

        public delegate* unmanaged<IntPtr, byte, void> SetMkldnn { get; } = setMkldnn;

        public delegate* unmanaged<IntPtr, byte> GetMkldnn { get; } = getMkldnn;
    }
}
