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
    /// <remarks>
    /// No default in code: the configuration binder appends a configured array to an initialised one (so the defaults
    /// plus services/map-inference/appsettings.json's three paths made six, and two models per channel set). The
    /// service's appsettings.json lists models/cgm-multifield-cnn, models/cgm-xray-cnn and models/cgm-hi-cnn.
    /// </remarks>
    [Required, MinLength(1)] public string[] ModelPaths { get; init; } = [];

    /// <summary>Where the CNNs run: "auto" (a visible CUDA device, else the CPU), "cpu" or "cuda"; chosen once at start.</summary>
    [Required] public string Device { get; init; } = "auto";

    /// <summary>Largest tensor batch sent to a network in one forward pass.</summary>
    [Range(1, 4096)] public int MaxInferenceBatch { get; init; } = 64;
}
