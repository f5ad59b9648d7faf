using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.MassInference;

/// <summary>Configuration section "MassInference".</summary>
public sealed record MassInferenceOptions
{
    public const string Section = "MassInference";

    /// <summary>The model bundle folder (weights + card.json); relative paths are resolved against the app folder, then the working directory.</summary>
    [Required] public string ModelPath { get; init; } = "models/mass-cnn-2d";

    /// <summary>"auto" (CUDA when present, else CPU), "cpu" or "cuda": decided once, in TorchDevices.Select.</summary>
    [Required] public string Device { get; init; } = "auto";

    /// <summary>Largest tensor batch sent to the network in one forward pass.</summary>
    [Range(1, 4096)] public int MaxInferenceBatch { get; init; } = 256;
}
