using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.MapInference;

/// <summary>Configuration section "MapInference".</summary>
public sealed record MapInferenceOptions
{
    public const string Section = "MapInference";

    /// <summary>
    /// Map model bundle folders (weights, card.json, map-layout.json), at most one per channel set: a record is served by
    /// the model reading exactly its channels. Relative paths resolve against the app folder, then the folders above it.
    /// </summary>
    [Required, MinLength(1)] public string[] ModelPaths { get; init; } = ["models/cgm-multifield-cnn", "models/cgm-xray-cnn", "models/cgm-hi-cnn"];

    /// <summary>Where the CNNs run: "auto" (a visible CUDA device, else the CPU), "cpu" or "cuda"; chosen once at start.</summary>
    [Required] public string Device { get; init; } = "auto";

    /// <summary>Largest tensor batch sent to a network in one forward pass.</summary>
    [Range(1, 4096)] public int MaxInferenceBatch { get; init; } = 64;
}
