namespace StreamProcessor.Emulation.Profiles;

/// <summary>
/// Builds model inputs from log10 profiles on the CAMELS radial grid: picks a <see cref="ProfileLayout"/>'s kinds and
/// bins, appends log10 mass and log10 of the stack size, and optionally injects Gaussian noise (the robustness study of Hernandez Martinez et al.
/// 2025: 10-40 % errors on every profile value).
/// </summary>
public static class ProfileFeatures
{
    /// <summary>Fiducial h of CAMELS-TNG (param_ranges.csv): converts the suite's physical kpc to h^-1 Mpc at z = 0.</summary>
    public const double FiducialHubble = 0.6711;

    /// <summary>A radius in physical kpc (z = 0) as h^-1 Mpc at the fiducial h.</summary>
    public static double KpcToMpcOverH(double kpc) => kpc / 1000.0 * FiducialHubble;

    /// <summary>
    /// The layout of <paramref name="kinds"/> at every CAMELS bin within <paramref name="maxRadiusMpcOverH"/>, and the
    /// indices of those bins on the CAMELS grid.
    /// </summary>
    public static (ProfileLayout Layout, int[] Bins) CamelsLayout(
        IReadOnlyList<ProfileKind> kinds, IReadOnlyList<double> radiiKpc, double maxRadiusMpcOverH, bool includeLog10Mass, bool includeLog10StackedObjects = false)
    {
        int[] bins = [.. Enumerable.Range(0, radiiKpc.Count).Where(b => KpcToMpcOverH(radiiKpc[b]) <= maxRadiusMpcOverH)];
        if (bins.Length == 0)
        {
            throw new ArgumentException($"No radial bin lies within {maxRadiusMpcOverH} h^-1 Mpc (the innermost is {KpcToMpcOverH(radiiKpc[0]):G3}).", nameof(maxRadiusMpcOverH));
        }

        var layout = new ProfileLayout([.. kinds], [.. bins.Select(b => KpcToMpcOverH(radiiKpc[b]))], includeLog10Mass, includeLog10StackedObjects).Validated();
        return (layout, bins);
    }

    /// <summary>
    /// Writes the features of one stack: <paramref name="log10AllKinds"/> holds every kind of
    /// <see cref="ProfileEmulator.AllKinds"/> kind-major on the full grid. With <paramref name="noise"/> each profile
    /// value gets a fractional Gaussian error of width <paramref name="noiseFraction"/> (added in ln, so values stay
    /// positive). <paramref name="stackedObjects"/> is the stack's size, written as log10 when the layout reads it.
    /// </summary>
    public static void Write(
        ProfileLayout layout, int[] bins, int gridBins, ReadOnlySpan<double> log10AllKinds, double log10Mass,
        Span<float> destination, Random? noise = null, double noiseFraction = 0, int stackedObjects = 1)
    {
        int f = 0;
        foreach (var kind in layout.Kinds)
        {
            int offset = ProfileEmulator.IndexOf(kind) * gridBins;
            foreach (int b in bins)
            {
                double value = log10AllKinds[offset + b];
                if (noise is not null && noiseFraction > 0)
                {
                    value = WithNoise(value, noise, noiseFraction);
                }

                destination[f++] = (float)value;
            }
        }

        if (layout.IncludeLog10HaloMass)
        {
            destination[f++] = (float)log10Mass;
        }

        if (layout.IncludeLog10StackedObjects)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(stackedObjects, 1);
            destination[f] = (float)Math.Log10(stackedObjects);
        }
    }

    /// <summary>
    /// A log10 profile value with a fractional Gaussian error of width <paramref name="noiseFraction"/>, added in ln so
    /// that the value stays positive: log10 x + f ε / ln 10, ε ~ N(0, 1).
    /// </summary>
    public static double WithNoise(double log10Value, Random noise, double noiseFraction) =>
        log10Value + (noiseFraction * Gaussian(noise) / Math.Log(10));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
