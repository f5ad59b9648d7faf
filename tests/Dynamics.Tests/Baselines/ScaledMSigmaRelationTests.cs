using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.Dynamics.Tests.Baselines;

public sealed class ScaledMSigmaRelationTests
{
    [Fact]
    public void Evrard_relation_gives_its_normalisation_at_the_pivot_today()
    {
        // E(0) = 1, so M200c = 1e15 h⁻¹ M☉ means h(z) M = 1e15 M☉: σ_DM = 1082.9 km/s (Evrard+08).
        Assert.Equal(1082.9, ScaledMSigmaRelation.Evrard08.SigmaKmPerS(1e15, 0, FlatLcdm.Planck18), 1e-9);
        Assert.Equal(1177, ScaledMSigmaRelation.Munari13Galaxies.SigmaKmPerS(1e15, 0, FlatLcdm.Planck18), 1e-9);
    }

    [Theory]
    [InlineData(2e13, 0.05)]
    [InlineData(3e14, 0.12)]
    [InlineData(1.5e15, 0.6)]
    public void Evrard_relation_round_trips_between_mass_and_dispersion(double mass, double z)
    {
        ScaledMSigmaRelation relation = ScaledMSigmaRelation.Evrard08;
        double sigma = relation.SigmaKmPerS(mass, z, FlatLcdm.Planck18);
        Assert.Equal(mass, relation.M200cMsunOverH(sigma, z, FlatLcdm.Planck18), mass * 1e-12);
        Assert.True(relation.TryM200cMsunOverH(sigma, z, FlatLcdm.Planck18, out double viaTry));
        Assert.Equal(mass, viaTry, mass * 1e-12);
    }

    [Fact]
    public void Dispersion_rises_with_redshift_at_fixed_mass_as_e_of_z_to_the_slope()
    {
        FlatLcdm cosmology = FlatLcdm.Planck18;
        double ratio = ScaledMSigmaRelation.Evrard08.SigmaKmPerS(4e14, 0.5, cosmology) / ScaledMSigmaRelation.Evrard08.SigmaKmPerS(4e14, 0, cosmology);
        Assert.Equal(Math.Pow(Background.E(0.5, cosmology), 0.3361), ratio, 1e-12);
    }

    [Fact]
    public void Masses_in_h_inverse_solar_masses_make_the_relation_independent_of_little_h()
    {
        FlatLcdm lowH = FlatLcdm.Planck18 with { LittleH = 0.6 };
        FlatLcdm highH = FlatLcdm.Planck18 with { LittleH = 0.8 };
        Assert.Equal(
            ScaledMSigmaRelation.Evrard08.SigmaKmPerS(5e14, 0.1, lowH),
            ScaledMSigmaRelation.Evrard08.SigmaKmPerS(5e14, 0.1, highH),
            1e-12);
    }

    [Fact]
    public void The_relation_refuses_masses_outside_its_validity_window()
    {
        ScaledMSigmaRelation relation = ScaledMSigmaRelation.Evrard08;
        Assert.Throws<ArgumentOutOfRangeException>(() => relation.SigmaKmPerS(1e12, 0.1, FlatLcdm.Planck18));
        Assert.Throws<ArgumentOutOfRangeException>(() => relation.M200cMsunOverH(50, 0.1, FlatLcdm.Planck18));
        Assert.False(relation.TryM200cMsunOverH(50, 0.1, FlatLcdm.Planck18, out _));
    }
}
