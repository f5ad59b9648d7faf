using StreamProcessor.Torch.Models;

namespace StreamProcessor.Trainer.Data;

/// <summary>
/// Which phase-space input a mass network reads: the 48×48 (v_los, R_proj) image of Ho+2019 or the 50³ (x, y, v_los)
/// cube of Kodi Ramanah+2020. Train picks it with <c>--architecture</c>; evaluate reads it from the bundle's card.
/// </summary>
internal enum InputArchitecture
{
    Image2D,
    Cube3D,
}

/// <summary>Names, network specs and the architecture of a loaded bundle.</summary>
internal static class InputArchitectures
{
    /// <summary>"2d" or "3d", as <c>trainer train --architecture</c> takes it.</summary>
    public static InputArchitecture Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "2d" => InputArchitecture.Image2D,
        "3d" => InputArchitecture.Cube3D,
        _ => throw new ArgumentException($"Unknown architecture '{value}': use 2d or 3d.", nameof(value)),
    };

    /// <summary>The architecture of a network spec read from a card.</summary>
    public static InputArchitecture Of(NetworkSpec spec) => spec.ArchitectureId switch
    {
        NetworkSpec.Cnn2DId => InputArchitecture.Image2D,
        NetworkSpec.Cnn3DId => InputArchitecture.Cube3D,
        _ => throw new ArgumentException($"{spec.ArchitectureId} is not a phase-space mass network (2D or 3D CNN).", nameof(spec)),
    };

    public static NetworkSpec Spec(this InputArchitecture architecture, int baseChannels) => architecture switch
    {
        InputArchitecture.Cube3D => NetworkSpec.Cnn3D() with { BaseChannels = baseChannels },
        _ => NetworkSpec.Cnn2D() with { BaseChannels = baseChannels },
    };

    /// <summary>The model name of the bundle: versions and cards of the two networks never mix.</summary>
    public static string ModelName(this InputArchitecture architecture) =>
        architecture == InputArchitecture.Cube3D ? "dynamical-mass-cnn-3d" : "dynamical-mass-cnn-2d";

    /// <summary>The input as the card's training-data line describes it.</summary>
    public static string InputDescription(this InputArchitecture architecture) => architecture == InputArchitecture.Cube3D
        ? "50x50x50 (x, y, v_los) KDE cubes (bandwidth 0.175; Kodi Ramanah+2020) via PhaseSpaceFeatureExtractor"
        : "48x48 KDE images via PhaseSpaceFeatureExtractor";
}
