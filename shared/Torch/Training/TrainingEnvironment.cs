using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Native;
using TorchSharp;

namespace StreamProcessor.Torch.Training;

/// <summary>
/// The process-wide torch settings of one training run, set on entry and restored on dispose: the global generators
/// seeded, deterministic algorithms on, the intra-op thread count fixed. Also describes the machine for the card.
/// </summary>
/// <remarks>
/// Thread count and deterministic mode are process-global in libtorch, so a run that changes them restores them for
/// the inference code sharing the process. Deterministic mode goes through <see cref="AtenContext"/> (TorchSharp
/// does not implement it); the card records whether it was on. On CUDA, deterministic mode only warns for kernels without a
/// deterministic form (cuBLAS needs CUBLAS_WORKSPACE_CONFIG set before start-up to be deterministic at all).
/// </remarks>
public sealed class TrainingEnvironment : IDisposable
{
    /// <summary>The variable libtorch reads to override its CPU kernel choice (ATen/native/DispatchStub.cpp).</summary>
    public const string CpuCapabilityVariable = "ATEN_CPU_CAPABILITY";

    private readonly int _previousThreads;
    private readonly bool? _previousDeterministic;

    private TrainingEnvironment(TrainingOptions options, torch.Device device)
    {
        _previousThreads = torch.get_num_threads();
        _previousDeterministic = AtenContext.DeterministicAlgorithms;
        if (options.IntraOpThreads is { } threads)
        {
            torch.set_num_threads(threads);
        }

        bool deterministic = options.DeterministicAlgorithms
            && AtenContext.TrySetDeterministic(mode: true, warnOnly: device.type == DeviceType.CUDA);
        torch.manual_seed(options.Seed);
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.manual_seed_all(options.Seed);
        }

        Machine = new TrainingMachine(
            device.ToString(),
            CpuModel(),
            Environment.ProcessorCount,
            torch.get_num_threads(),
            CpuCapability(),
            deterministic,
            RuntimeInformation.OSDescription,
            $"{RuntimeInformation.FrameworkDescription}; TorchSharp {typeof(torch).Assembly.GetName().Version}");
    }

    /// <summary>What the card records about this run's machine.</summary>
    public TrainingMachine Machine { get; }

    /// <summary>Applies <paramref name="options"/>' seed, thread count and deterministic mode until disposed.</summary>
    public static TrainingEnvironment Enter(TrainingOptions options, torch.Device device)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TrainingEnvironment(options, device);
    }

    /// <summary>
    /// The CPU kernels libtorch uses: the value of <see cref="CpuCapabilityVariable"/> when set, otherwise the widest of
    /// its builds that the processor supports, as libtorch's dispatcher picks (avx512 needs F, VL, BW and DQ;
    /// avx2 needs FMA too; otherwise default).
    /// </summary>
    public static string CpuCapability()
    {
        if (Environment.GetEnvironmentVariable(CpuCapabilityVariable) is { Length: > 0 } forced)
        {
            return $"{forced.ToLowerInvariant()} ({CpuCapabilityVariable})";
        }

        if (Avx512F.IsSupported && Avx512F.VL.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported)
        {
            return "avx512";
        }

        return Avx2.IsSupported && Fma.IsSupported ? "avx2" : "default";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        torch.set_num_threads(_previousThreads);
        if (_previousDeterministic is { } previous)
        {
            AtenContext.TrySetDeterministic(previous, warnOnly: false);
        }
    }

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is int colon and >= 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
