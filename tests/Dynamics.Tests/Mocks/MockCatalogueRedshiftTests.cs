using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Dynamics.Tests.Mocks;

/// <summary>The simulator over 0.03 &lt; z &lt; 1.1: flux-limited richness, Hubble-flow interlopers, redshift errors, determinism.</summary>
public sealed class MockCatalogueRedshiftTests
{
    private static readonly MockCatalogueOptions Defaults = new();

    /// <summary>No limits but the cylinder: every galaxy of the draw is listed.</summary>
    private static readonly ObservationalSelection Everything = new()
    {
        ApplyFluxLimit = false, ApertureMpcOverH = 100, VelocityCutKmPerS = 1e5, MinimumGalaxyCount = 0,
    };

    [Fact]
    public void Defaults_cover_the_wide_redshift_range_and_the_low_redshift_preset_is_kept()
    {
        Assert.Equal((0.03, 1.1), (Defaults.RedshiftMin, Defaults.RedshiftMax));
        Assert.Equal(22.5, Defaults.Selection.ApparentMagnitudeLimit);
        Assert.True(Defaults.Selection.CapsSpectraAt(0.3));
        Assert.False(Defaults.Selection.CapsSpectraAt(0.1)); // wide-field fibre surveys at low z

        MockCatalogueOptions sdss = MockCatalogueOptions.SdssLowRedshift;
        Assert.Equal((0.03, 0.15), (sdss.RedshiftMin, sdss.RedshiftMax));
        Assert.Equal(17.77, sdss.Selection.ApparentMagnitudeLimit);
        Assert.False(sdss.Selection.CapsSpectra);
        Assert.Equal(30, sdss.VelocityErrorAt(0.05));
        Assert.Equal(30, sdss.VelocityErrorAt(1.0));
        Assert.Equal(0, sdss.LuminosityFunction.EvolutionShift(0.15));
        Assert.Equal(0, sdss.Selection.KCorrection(0.15));
    }

    [Fact]
    public void Member_counts_fall_with_redshift_at_fixed_mass()
    {
        // Below z = 0.25 there is no cap: a 10^14.8 cluster lists all its bright members.
        var uncapped = new MockCatalogueSimulator(Defaults with { LinesOfSight = 1, Selection = Defaults.Selection with { MinimumGalaxyCount = 0 } });
        Assert.True(Enumerable.Range(0, 40).Average(i => uncapped.SimulateHalo(i, 17, 14.8, 0.1).Pure[0].GalaxyCount) > 60);

        var simulator = new MockCatalogueSimulator(Defaults with { LinesOfSight = 1, Selection = Defaults.Selection with { MinimumGalaxyCount = 0 } });
        double MeanMembers(double redshift) =>
            Enumerable.Range(0, 120).Average(i => simulator.SimulateHalo(i, 17, 14.8, redshift).Pure[0].GalaxyCount);

        double low = MeanMembers(0.3);
        double middle = MeanMembers(0.75);
        double high = MeanMembers(1.05);

        Assert.True(low > middle && middle > high, $"mean members at z = 0.3, 0.75, 1.05: {low:F1}, {middle:F1}, {high:F1}");
        // The cap on spectra (15–60 from z = 0.25) bounds the z = 0.3 count; at z ≈ 1 i < 22.5 reaches only ≈ M*.
        Assert.InRange(low, 20, 60);
        Assert.True(high < 0.5 * low, $"z = 1.05 keeps {high:F1} of {low:F1}");
    }

    [Fact]
    public void Listed_galaxies_never_exceed_the_spectra_cap_and_the_brightest_are_kept()
    {
        var options = Defaults with { LinesOfSight = 1, Selection = Defaults.Selection with { SpectraPerClusterMin = 25, SpectraPerClusterMax = 25, MinimumGalaxyCount = 0 } };
        var simulator = new MockCatalogueSimulator(options);
        var uncapped = new MockCatalogueSimulator(options with { Selection = options.Selection with { SpectraPerClusterMin = null, SpectraPerClusterMax = null } });
        for (int i = 0; i < 20; i++)
        {
            HaloDraw capped = simulator.SimulateHalo(i, 3, 15.0, 0.3);
            HaloDraw all = uncapped.SimulateHalo(i, 3, 15.0, 0.3);
            ProjectedCluster c = capped.Contaminated[0];
            ProjectedCluster full = all.Contaminated[0];
            Assert.True(full.GalaxyCount > 25, $"only {full.GalaxyCount} galaxies before the cap");
            Assert.Equal(25, c.GalaxyCount);
            // One line of sight, and the cap's deviate is its last draw: the capped list is the 25 brightest of the full one.
            Assert.Equal(full.Magnitude.Order().Take(25), c.Magnitude.Order());
            Assert.Equal(capped.Pure[0].GalaxyCount, c.GalaxyCount - c.InterloperCount);
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(1.0)]
    public void Neighbour_interlopers_follow_the_hubble_flow_of_their_redshift(double redshift)
    {
        const double depth = 40;
        var options = Defaults with
        {
            LinesOfSight = 1,
            RedshiftError = 0,
            VelocityErrorKmPerS = 0,
            Selection = Everything,
            Interlopers = new InterloperOptions
            {
                BackgroundSurfaceDensityH2PerMpc2 = 0,
                HaloSpaceDensityH3PerMpc3 = 0.01,
                Log10MassMin = 12.5,
                Log10MassMax = 12.6,
                LineOfSightDepthMpcOverH = depth,
                PeculiarVelocityPerComponentKmPerS = 0,
            },
        };
        var simulator = new MockCatalogueSimulator(options);
        double[] v = [.. Enumerable.Range(0, 80)
            .Select(i => simulator.SimulateHalo(i, 21, 14.0, redshift).Contaminated[0])
            .SelectMany(c => c.VLosKmPerS.Where((_, j) => c.IsInterloper[j]))];

        // Δχ uniform in ±D (comoving) → v_los = H(z) Δχ / (1+z) uniform in ±v_max, σ = v_max/√3 (internal motions of
        // 10^12.5 haloes, ≈ 150 km/s, add < 0.3 %). Reference sheet §4.
        double vMax = Background.HubbleRateHKmPerSPerMpc(redshift, options.Cosmology) * depth / (1 + redshift);
        double rms = Math.Sqrt(v.Average(x => x * x));
        Assert.True(v.Length > 1000, $"{v.Length} interlopers");
        Assert.Equal(vMax / Math.Sqrt(3), rms, 0.04 * vMax / Math.Sqrt(3));
        Assert.True(v.Max(Math.Abs) < vMax + 1000, $"max |v_los| {v.Max(Math.Abs):F0} km/s, v_max {vMax:F0} km/s");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Velocity_errors_are_c_sigma_z_over_one_plus_z(double redshift)
    {
        const double sigmaZ = 0.005;
        var options = new MockCatalogueOptions
        {
            LinesOfSight = 1,
            RedshiftError = sigmaZ,
            VelocityErrorKmPerS = 0,
            // A 1e11 halo: internal dispersion ≈ 30 km/s, negligible beside the ≈ 750–1000 km/s errors.
            RichnessAtPivot = 300,
            RichnessPivotMassMsunOverH = 1e11,
            LuminosityFunction = LuminosityFunction.Blanton03R,
            Interlopers = new InterloperOptions { BackgroundSurfaceDensityH2PerMpc2 = 0, HaloSpaceDensityH3PerMpc3 = 0 },
            Selection = Everything,
        };
        var simulator = new MockCatalogueSimulator(options);
        double[] v = [.. Enumerable.Range(0, 20).SelectMany(i => simulator.SimulateHalo(i, 5, 11.0, redshift).Pure[0].VLosKmPerS)];

        double expected = PhysicalConstants.SpeedOfLightKmPerS * sigmaZ / (1 + redshift);
        Assert.Equal(expected, options.VelocityErrorAt(redshift), 1e-9);
        double rms = Math.Sqrt(v.Average(x => x * x));
        Assert.True(v.Length > 4000, $"{v.Length} members");
        Assert.Equal(expected, rms, 0.03 * expected);
    }

    [Fact]
    public void High_redshift_catalogues_are_deterministic_from_the_seed_whatever_the_parallelism()
    {
        var simulator = new MockCatalogueSimulator(Defaults with { RedshiftMin = 0.8, RedshiftMax = 1.1, AddVelocitySignFlips = true });
        MockCatalogue serial = simulator.Simulate(60, seed: 31, maxDegreeOfParallelism: 1);
        MockCatalogue parallel = simulator.Simulate(60, seed: 31, maxDegreeOfParallelism: 3);
        MockCatalogue other = simulator.Simulate(60, seed: 32, maxDegreeOfParallelism: 3);

        Assert.NotEmpty(serial.Contaminated);
        Assert.Equal(serial.Contaminated.Count, parallel.Contaminated.Count);
        for (int i = 0; i < serial.Contaminated.Count; i++)
        {
            Assert.Equal(serial.Contaminated[i].VLosKmPerS, parallel.Contaminated[i].VLosKmPerS);
            Assert.Equal(serial.Contaminated[i].Magnitude, parallel.Contaminated[i].Magnitude);
            Assert.Equal(serial.Contaminated[i].XMpcOverH, parallel.Contaminated[i].XMpcOverH);
        }
        Assert.NotEqual(serial.Contaminated.Select(c => c.Log10M200c), other.Contaminated.Select(c => c.Log10M200c));
    }

    [Fact]
    public void Apparent_magnitudes_of_members_stay_near_m_star_plus_the_distance_modulus_as_k_and_evolution_cancel()
    {
        // K(z) = Q (z − 0.1) by default, so the brightest member tracks M* − 3 ... M* + DM(z) at every z.
        var simulator = new MockCatalogueSimulator(Defaults with { LinesOfSight = 1, Selection = Defaults.Selection with { ApplyFluxLimit = false, SpectraPerClusterMin = null, SpectraPerClusterMax = null, MinimumGalaxyCount = 0 } });
        foreach (double z in new[] { 0.3, 1.0 })
        {
            ProjectedCluster c = simulator.SimulateHalo(1, 2, 15.0, z).Pure[0];
            double modulus = 5 * Math.Log10(Background.LuminosityDistanceMpcOverH(z, Defaults.Cosmology)) + 25;
            Assert.All(c.Magnitude, m => Assert.InRange(m - modulus, -23.44 - 1e-9, -18.5 + 1e-9));
        }
    }
}
