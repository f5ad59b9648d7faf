using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.PipelineHost.Science;

/// <summary>
/// The member-catalogue simulator as the science survey sees clusters: one axis-aligned line of sight per halo, no
/// sign flips (as the demo survey), contaminated catalogues (members, background, neighbouring haloes) under the
/// simulator's flux limit and richness cut, in the given cosmology.
/// </summary>
public static class ScienceSimulator
{
    /// <summary>The simulator for <paramref name="cosmology"/>.</summary>
    public static MockCatalogueSimulator Create(FlatLcdm cosmology) => new(new MockCatalogueOptions
    {
        Cosmology = cosmology,
        LinesOfSight = 1,
        RandomLineOfSightRotations = false,
        AddVelocitySignFlips = false,
    });
}
