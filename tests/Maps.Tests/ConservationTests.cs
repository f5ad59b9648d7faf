namespace StreamProcessor.Maps.Tests;

/// <summary>
/// Idealised maps against a brute-force 3-D integral of the same gas model over the map footprint and the ±R200
/// depth (midpoint rule on 2–4 kpc cells), independent of the projected-profile tables.
/// </summary>
public sealed class ConservationTests
{
    private static readonly MapSettings Settings = MapSettings.Cgm with { IncludeSatellites = false };

    [Theory]
    [InlineData("TngLike", 12.0, 2.0)]
    [InlineData("SimbaLike", 13.0, 4.0)]
    public void Map_sums_match_the_3d_luminosity_and_hi_mass_inside_the_footprint(string modelName, double log10Mass, double cell)
    {
        var model = GalaxyFormationModel.All.Single(m => m.Name == modelName);
        var halo = HaloSampler.Draw(Settings with { MassRange = new HaloMassRange(log10Mass, log10Mass) }, model, 31, 0);
        const int axis = 2;
        var (xray, hi) = MapRenderer.Render(halo, Settings, axis);

        // Cells ≤ r_c / 7 along the shortest axis (minor-axis r_c ≈ 19 kpc and 68 kpc), so the midpoint rule is good to ≪ 1 %.
        double half = Settings.WidthKpc / 2, depth = halo.R200Kpc;
        double luminosity = 0, hiMass = 0;
        for (double x = -half + (cell / 2); x < half; x += cell)
        for (double y = -half + (cell / 2); y < half; y += cell)
        for (double z = -depth + (cell / 2); z < depth; z += cell)
        {
            double m2 = halo.EllipsoidalRadiusSquared(x, y, z);
            if (m2 >= halo.R200Kpc * halo.R200Kpc) continue;
            double m = Math.Sqrt(m2);
            luminosity += halo.Gas.XrayEmissivityErgPerSPerKpc3(m);
            hiMass += halo.Gas.HiDensityMsunPerKpc3(m);
        }
        luminosity *= cell * cell * cell;
        hiMass = (hiMass * cell * cell * cell) + halo.CentralDisc.MassMsun;

        double mappedLuminosity = MapStatistics.Sum(xray) * Settings.PixelAreaKpc2 / GasConstants.PerKpc2ToPerPc2;
        double mappedHi = MapStatistics.Sum(hi) * Settings.PixelAreaKpc2 / GasConstants.HiColumnCm2PerMsunPerKpc2;
        Assert.Equal(1.0, mappedLuminosity / luminosity, 0.03);
        Assert.Equal(1.0, mappedHi / hiMass, 0.03);
    }

    [Fact]
    public void Satellites_add_their_hi_mass_and_coronae_to_the_maps()
    {
        var settings = MapSettings.Cgm with { MassRange = new HaloMassRange(13.5, 13.5), Pixels = 1024 };
        var halo = HaloSampler.Draw(settings, GalaxyFormationModel.TngLike, 2, 0);
        var (xrayWith, hiWith) = MapRenderer.Render(halo, settings, 0);
        var (xrayWithout, hiWithout) = MapRenderer.Render(halo, settings with { IncludeSatellites = false }, 0);
        // A 4096 kpc map holds every satellite (R200 ≈ 700 kpc), so the difference is their whole HI mass and L_X.
        double hiDifference = (MapStatistics.Sum(hiWith) - MapStatistics.Sum(hiWithout)) * settings.PixelAreaKpc2 / GasConstants.HiColumnCm2PerMsunPerKpc2;
        double xrayDifference = (MapStatistics.Sum(xrayWith) - MapStatistics.Sum(xrayWithout)) * settings.PixelAreaKpc2 / GasConstants.PerKpc2ToPerPc2;
        Assert.NotEmpty(halo.Satellites);
        Assert.Equal(1.0, hiDifference / halo.Satellites.Sum(s => s.Disc.MassMsun), 2);
        Assert.Equal(1.0, xrayDifference / halo.Satellites.Sum(s => s.XrayLuminosityErgPerS), 2);
    }
}
