namespace StreamProcessor.Trainer;

/// <summary>Text and defaults shared by the subcommands.</summary>
internal static class TrainerDefaults
{
    internal const string Description =
        "Dynamical-mass CNN: simulate phase-space mocks, train the moment network, evaluate it against the classical baselines.";

    /// <summary>Galaxy-count lower edge of the evaluation's headline mass range, log10(M200c / h⁻¹ M☉).</summary>
    internal const double HeadlineLog10MMin = 14.0;

    internal const double HeadlineLog10MMax = 15.0;

    /// <summary>
    /// Redshift bins of the evaluation: the low-redshift SDSS-like range, then the ACT/SPT range 0.28 &lt; z &lt; 1.1 in four
    /// (the training set spans 0.03–1.1).
    /// </summary>
    internal static readonly double[] RedshiftBinEdges = [0.03, 0.15, 0.3, 0.5, 0.8, 1.1];

    /// <summary>Whether <paramref name="z"/> lies in bin <paramref name="bin"/> of <paramref name="edges"/>: [low, high), the last bin closed.</summary>
    internal static bool InRedshiftBin(double z, IReadOnlyList<double> edges, int bin) =>
        z >= edges[bin] && (z < edges[bin + 1] || (bin + 2 == edges.Count && z <= edges[bin + 1]));
}
