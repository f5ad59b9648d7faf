namespace StreamProcessor.Contracts.Messages;

/// <summary>The fixed tensor shapes of schema phase-space-features 1.x (a different shape is a new major version).</summary>
public static class PhaseSpaceFeaturesShapes
{
    /// <summary>[velocity bins, radius bins] of the 2D KDE (Ho et al. 2019 grid, 48 × 48).</summary>
    public static IReadOnlyList<int> Kde2D { get; } = [48, 48];

    /// <summary>[x bins, y bins, velocity bins] of the 3D KDE (50 × 50 × 50).</summary>
    public static IReadOnlyList<int> Kde3D { get; } = [50, 50, 50];
}
