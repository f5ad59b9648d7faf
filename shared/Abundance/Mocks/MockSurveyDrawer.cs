using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.MassFunction;

namespace StreamProcessor.Abundance.Mocks;

/// <summary>
/// Draws a light cone of haloes from the Tinker+08 mass function (<see cref="HaloMassFunction"/>): in each
/// (z, log₁₀ M) cell the number is Poisson with mean (dn/dln M) (dV/dz dΩ) Ω_sky Δz Δln M, both factors at the cell
/// centre (midpoint rule; dV/dz dΩ from Hogg 1999 Eq. 28, arXiv:astro-ph/9905116), and each halo is placed
/// uniformly within its cell and uniformly on the sky cap. Clustering is ignored (a Poisson sample).
/// </summary>
public static class MockSurveyDrawer
{
    /// <summary>The haloes of one realisation at <paramref name="cosmology"/>, ordered by redshift cell then mass cell.</summary>
    public static IReadOnlyList<MockHalo> Draw(FlatLcdm cosmology, MockSurveyOptions options)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        ArgumentNullException.ThrowIfNull(options);
        _ = cosmology.Validated();
        _ = options.Validated();

        var random = new Xoshiro256StarStar(options.Seed);
        double skyAreaSr = options.SkyAreaDeg2 * (Math.PI / 180.0) * (Math.PI / 180.0);
        int zCells = (int)Math.Ceiling(((options.RedshiftMax - options.RedshiftMin) / options.RedshiftCellWidth) - 1e-9);
        int mCells = (int)Math.Ceiling(((options.Log10MassMax - options.Log10MassMin) / options.Log10MassCellWidth) - 1e-9);
        double dz = (options.RedshiftMax - options.RedshiftMin) / zCells;
        double dLog10M = (options.Log10MassMax - options.Log10MassMin) / mCells;
        double dLnM = dLog10M * Math.Log(10.0);

        // A cap of solid angle Ω around the centre has angular radius θ_max with 1 − cos θ_max = Ω / 2π.
        double oneMinusCosMax = skyAreaSr / (2.0 * Math.PI);

        var haloes = new List<MockHalo>();
        for (int a = 0; a < zCells; a++)
        {
            double zLo = options.RedshiftMin + (a * dz);
            double zMid = zLo + (0.5 * dz);
            double volumePerCell = Background.ComovingVolumeElementMpc3OverH3PerSr(zMid, cosmology) * skyAreaSr * dz;
            for (int b = 0; b < mCells; b++)
            {
                double log10MLo = options.Log10MassMin + (b * dLog10M);
                double mass = Math.Pow(10.0, log10MLo + (0.5 * dLog10M));
                double mean = HaloMassFunction.DnDlnMH3PerMpc3(mass, zMid, options.MassDefinition, cosmology) * dLnM * volumePerCell;
                int n = mean > 0 ? Poisson.Sample(random, mean) : 0;
                for (int k = 0; k < n; k++)
                {
                    double z = zLo + (random.NextDouble() * dz);
                    double log10M = log10MLo + (random.NextDouble() * dLog10M);
                    (double ra, double dec) = PointInCap(random, options.CentreRaDeg, options.CentreDecDeg, oneMinusCosMax);
                    haloes.Add(new MockHalo($"{options.IdPrefix}-{options.Seed}-{haloes.Count:D7}", ra, dec, z, log10M));
                }
            }
        }

        return haloes;
    }

    /// <summary>
    /// A point uniform on the cap: cos θ uniform in [cos θ_max, 1] (uniform in solid angle), position angle φ uniform,
    /// then rotated to the centre with the spherical-triangle relations sin δ = sin δ₀ cos θ + cos δ₀ sin θ cos φ,
    /// α = α₀ + atan2(sin φ sin θ cos δ₀, cos θ − sin δ₀ sin δ).
    /// </summary>
    private static (double RaDeg, double DecDeg) PointInCap(Random random, double centreRaDeg, double centreDecDeg, double oneMinusCosMax)
    {
        double cosTheta = 1.0 - (random.NextDouble() * oneMinusCosMax);
        double sinTheta = Math.Sqrt(Math.Max(0.0, 1.0 - (cosTheta * cosTheta)));
        double phi = 2.0 * Math.PI * random.NextDouble();
        double dec0 = centreDecDeg * Math.PI / 180.0;
        double sinDec = (Math.Sin(dec0) * cosTheta) + (Math.Cos(dec0) * sinTheta * Math.Cos(phi));
        sinDec = Math.Clamp(sinDec, -1.0, 1.0);
        double dec = Math.Asin(sinDec);
        double ra = (centreRaDeg * Math.PI / 180.0) + Math.Atan2(Math.Sin(phi) * sinTheta * Math.Cos(dec0), cosTheta - (Math.Sin(dec0) * sinDec));
        double raDeg = (ra * 180.0 / Math.PI) % 360.0;
        if (raDeg < 0) raDeg += 360.0;
        return (raDeg, dec * 180.0 / Math.PI);
    }
}
