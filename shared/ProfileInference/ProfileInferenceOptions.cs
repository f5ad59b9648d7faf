using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.ProfileInference;

/// <summary>Configuration section "ProfileInference".</summary>
public sealed record ProfileInferenceOptions
{
    public const string Section = "ProfileInference";

    /// <summary>
    /// The model bundle folder (weights, card.json and profile-layout.json); relative paths are resolved against the
    /// app folder, then the folders above it (ModelFolder.Resolve). The default reads each record's stacked_objects: it
    /// was trained on emulated stacks of 1-1000 halos with their halo-to-halo scatter, the emulator's own error and 10 %
    /// errors per value, with the emulator's error calibrated by cross-validation (variance and heavy tails), and is calibrated on the real held-out single halos; the models trained on emulated mean
    /// profiles (models/profile-params-mlp, -noise10) are sharper on emulated stacks and overconfident on real halos.
    /// </summary>
    [Required] public string ModelPath { get; init; } = "models/profile-params-mlp-stacks-tails";

    /// <summary>Where the MLP runs: "auto" (a visible CUDA device, else the CPU), "cpu" or "cuda"; chosen once at start by TorchDevices.Select.</summary>
    [Required] public string Device { get; init; } = "auto";

    /// <summary>Largest tensor batch sent to the network in one forward pass (the worker's MaxBatchSize decides how many profiles wait for one).</summary>
    [Range(1, 4096)] public int MaxInferenceBatch { get; init; } = 256;
}
