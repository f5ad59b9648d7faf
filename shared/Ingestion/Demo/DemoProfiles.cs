using StreamProcessor.Contracts.Messages;
using StreamProcessor.Dynamics;

namespace StreamProcessor.Ingestion.Demo;

/// <summary>
/// Simulated stacked profiles for demos, the profile benchmark and tests: every gas kind of schema stacked-profile 1.1
/// (n_gas, T_gas, Z_gas, X-ray surface brightness, Compton-y) on the radii asked for, from an isothermal-core β-model
/// whose scale follows the stack's halo mass. Smooth, positive and plausible in magnitude; not a physics emulator (that
/// is shared/Emulation). Deterministic in (seed, index): profile i is drawn from stream (seed, i).
/// </summary>
/// <remarks>
/// The X-ray surface brightness goes in xray_surface_brightness_relative, the units the profile model reads: its
/// central ~1e-4 matches the CAMELS-zoomGZ28 xsb profiles (../shared/data/camels-zoomgz28/profiles.csv). The absolute
/// column xray_surface_brightness (erg s^-1 cm^-2 arcsec^-2) stays empty: the training units are undocumented, so no
/// conversion would make the same numbers honest there.
/// </remarks>
public static class DemoProfiles
{
    /// <summary>β of the gas density; 2/3 is the canonical cluster value (Jones &amp; Forman 1984, ApJ 276, 38).</summary>
    private const double Beta = 2.0 / 3.0;

    /// <summary><paramref name="count"/> profiles with ids "&lt;survey&gt;-stack-000000", ... on <paramref name="radiiMpcOverH"/>.</summary>
    public static IReadOnlyList<StackedProfile> Generate(int count, IReadOnlyList<double> radiiMpcOverH, ulong seed, string survey = "demo-profiles")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(radiiMpcOverH);
        return [.. Enumerable.Range(0, count).Select(i => One(i, radiiMpcOverH, SeededRandom.ForStream(seed, (ulong)i), survey))];
    }

    private static StackedProfile One(int index, IReadOnlyList<double> radii, Random random, string survey)
    {
        double log10Mass = 13.5 + (1.5 * random.NextDouble());
        double massOver1e14 = Math.Pow(10, log10Mass - 14);
        // Self-similar scalings: r ∝ M^(1/3), T ∝ M^(2/3) (Kaiser 1986, MNRAS 222, 323), with 20-30 % scatter.
        double coreRadius = 0.12 * Math.Cbrt(massOver1e14) * (0.8 + (0.4 * random.NextDouble()));
        double centralDensity = 1e-2 * (0.7 + (0.6 * random.NextDouble()));
        double centralTemperature = 3.0 * Math.Pow(massOver1e14, 2.0 / 3.0) * (0.8 + (0.4 * random.NextDouble()));
        double beta = Beta + (0.1 * (random.NextDouble() - 0.5));
        double Core(double r) => 1 + ((r / coreRadius) * (r / coreRadius));

        // β-model n(r) = n0 [1 + (r/rc)^2]^(-3β/2) (Cavaliere & Fusco-Femiano 1976, A&A 49, 137). Its projections at
        // constant T: S_X(R) ∝ [1 + (R/rc)^2]^(1/2 - 3β) and y(R) ∝ [1 + (R/rc)^2]^((1 - 3β)/2) (Sarazin 1988, ch. 5).
        double[] density = [.. radii.Select(r => centralDensity * Math.Pow(Core(r), -1.5 * beta))];
        double[] temperature = [.. radii.Select(r => centralTemperature * Math.Pow(1 + (r / (2 * coreRadius)), -0.3))];
        double[] metallicity = [.. radii.Select(r => 0.3 * Math.Pow(1 + (r / coreRadius), -0.3))];
        double[] brightness = [.. radii.Select(r => 1e-4 * (centralDensity / 1e-2) * (centralDensity / 1e-2) * Math.Pow(Core(r), 0.5 - (3 * beta)))];
        double[] comptonY = [.. radii.Select(r => 1e-4 * (centralDensity / 1e-2) * (centralTemperature / 3.0) * Math.Pow(Core(r), (1 - (3 * beta)) / 2))];
        return new StackedProfile
        {
            ProfileId = $"{survey}-stack-{index:D6}",
            Survey = survey,
            Redshift = 0.05 + (0.45 * random.NextDouble()),
            StackedObjects = 10 + random.Next(191),
            RadiiMpcOverH = [.. radii],
            GasDensityCm3 = density,
            GasTemperatureKev = temperature,
            GasMetallicityZsun = metallicity,
            XraySurfaceBrightnessRelative = brightness,
            ComptonY = comptonY,
            Log10HaloMass = log10Mass,
        };
    }
}
