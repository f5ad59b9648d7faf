using StreamProcessor.PhaseSpace.Kde;
using StreamProcessor.PhaseSpace.Selection;

namespace StreamProcessor.PhaseSpace.Features;

/// <summary>How a catalogue becomes model input: the observational limits, and the KDE grids (3D optional).</summary>
public sealed record PhaseSpaceFeatureOptions
{
    public ObservationalLimits Limits { get; init; } = ObservationalLimits.Default;

    public KdeGrid2D Grid2D { get; init; } = KdeGrid2D.Default;

    /// <summary>The (x, y, v_los) image is ~25× the work of the 2D one; null switches it off.</summary>
    public KdeGrid3D? Grid3D { get; init; }
}
