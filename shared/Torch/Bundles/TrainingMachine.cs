namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Where and how a model was trained: the same data, options and seed reproduce the weights only on the same device
/// kind, kernel set and intra-op thread count, because libtorch's reductions depend on them.
/// </summary>
/// <param name="Device">Torch device, e.g. "cpu" or "cuda:0".</param>
/// <param name="CpuModel">Processor name from /proc/cpuinfo (or the architecture where that is not readable).</param>
/// <param name="LogicalCores">Logical processors visible to the process.</param>
/// <param name="IntraOpThreads">libtorch intra-op threads during training.</param>
/// <param name="CpuCapability">Vector kernels libtorch dispatches to on the CPU (see <see cref="Training.TrainingEnvironment"/>).</param>
/// <param name="DeterministicAlgorithms">torch.use_deterministic_algorithms was on.</param>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="Runtime">.NET runtime and TorchSharp versions.</param>
public sealed record TrainingMachine(
    string Device,
    string CpuModel,
    int LogicalCores,
    int IntraOpThreads,
    string CpuCapability,
    bool DeterministicAlgorithms,
    string OperatingSystem,
    string Runtime);
