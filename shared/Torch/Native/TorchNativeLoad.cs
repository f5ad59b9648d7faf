namespace StreamProcessor.Torch.Native;

/// <summary>What <see cref="TorchRuntime.EnsureLoaded"/> did, for start-up logs.</summary>
/// <param name="LibTorchDirectory">Folder the libtorch natives (libc10, libtorch_cpu, libtorch) were loaded from; null where TorchSharp's own loader is used.</param>
/// <param name="LibTorchSharpPath">The libLibTorchSharp.so that was loaded: the original or the patched copy.</param>
/// <param name="Patched">True when the GLIBCXX_3.4.32 requirement had to be made weak.</param>
public sealed record TorchNativeLoad(string? LibTorchDirectory, string? LibTorchSharpPath, bool Patched)
{
    /// <summary>oneDNN's instruction-set cap in force (<see cref="OneDnnIsaCap"/>); null where it was not set here.</summary>
    public string? OneDnnMaxIsa { get; init; }

    /// <summary>One line for a start-up log.</summary>
    public override string ToString() => LibTorchSharpPath is null
        ? "TorchSharp natives: left to TorchSharp's own loader (not linux-x64)"
        : $"TorchSharp natives: libtorch from {LibTorchDirectory}; LibTorchSharp {(Patched ? "patched copy" : "original")} {LibTorchSharpPath}; oneDNN ISA cap {OneDnnMaxIsa}";
}
