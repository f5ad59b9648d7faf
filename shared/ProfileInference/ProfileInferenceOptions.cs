using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.ProfileInference;

/// <summary>Configuration section "ProfileInference".</summary>
public sealed record ProfileInferenceOptions
{
    public const string Section = "ProfileInference";

    /// <summary>
    /// The model bundle folder (weights, card.json and profile-layout.json); relative paths are resolved against the
    /// app folder, then the folders above it (ModelFolder.Resolve). The default was trained on emulated stacks with 10 %
    /// errors per value (a stack of ~50 halos): the noise-free reference model (models/profile-params-mlp) reads noise-free
    /// stacks best and noisy ones badly.
    /// </summary>
    [Required] public string ModelPath { get; init; } = "models/profile-params-mlp-noise10";

    /// <summary>Where the MLP runs: "auto" (a visible CUDA device, else the CPU), "cpu" or "cuda"; chosen once at start by TorchDevices.Select.</summary>
    [Required] public string Device { get; init; } = "auto";

    /// <summary>Largest tensor batch sent to the network in one forward pass (the worker's MaxBatchSize decides how many profiles wait for one).</summary>
    [Range(1, 4096)] public int MaxInferenceBatch { get; init; } = 256;
}
