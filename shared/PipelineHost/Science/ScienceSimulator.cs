using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.PipelineHost.Science;

/// <summary>
/// The member-catalogue simulator as the science survey sees clusters: one axis-aligned line of sight per halo, no
/// sign flips (as the demo survey), contaminated catalogues (members, background, neighbouring haloes) under the
/// SDSS-like flux limit (r &lt; 17.77) and richness cut, in the given cosmology: the science survey is the low-redshift
/// one (0.03 &lt; z &lt; 0.10), so it keeps <see cref="MockCatalogueOptions.SdssLowRedshift"/> rather than the simulator's
/// wide-redshift training defaults.
/// </summary>
public static class ScienceSimulator
{
    /// <summary>The simulator for <paramref name="cosmology"/>.</summary>
    public static MockCatalogueSimulator Create(FlatLcdm cosmology) => new(MockCatalogueOptions.SdssLowRedshift with
    {
        Cosmology = cosmology,
        LinesOfSight = 1,
        RandomLineOfSightRotations = false,
        AddVelocitySignFlips = false,
    });
}
