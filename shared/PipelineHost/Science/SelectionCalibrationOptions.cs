namespace StreamProcessor.PipelineHost.Science;

/// <summary>
/// Settings of <c>pipeline calibrate-selection</c>: the (true log10 M200c, z) grid, haloes per node and the seed.
/// The defaults cover the science survey (0.03 &lt; z &lt; 0.10, candidates above 10^13 h^-1 Msun) with node spacing
/// 0.1 dex and 0.014 in z; nodes below <see cref="LowMassLimitLog10M"/> get more haloes because few are selected there.
/// </summary>
public sealed record SelectionCalibrationOptions
{
    /// <summary>Seed of the simulator streams; disjoint from the checks' (which use their seed + 1000, small numbers).</summary>
    public ulong Seed { get; init; } = 20_261_123;

    /// <summary>Lowest true log10 M node, also the candidate floor of the survey (completeness 0 below).</summary>
    public double Log10MassMin { get; init; } = 13.0;

    /// <summary>Highest true log10 M node.</summary>
    public double Log10MassMax { get; init; } = 15.6;

    /// <summary>Mass node spacing, dex.</summary>
    public double Log10MassStep { get; init; } = 0.1;

    /// <summary>Lowest redshift node.</summary>
    public double RedshiftMin { get; init; } = 0.03;

    /// <summary>Highest redshift node.</summary>
    public double RedshiftMax { get; init; } = 0.10;

    /// <summary>Number of redshift nodes.</summary>
    public int RedshiftNodes { get; init; } = 6;

    /// <summary>Haloes simulated per node at or above <see cref="LowMassLimitLog10M"/>.</summary>
    public int HaloesPerNode { get; init; } = 250;

    /// <summary>Haloes simulated per node below <see cref="LowMassLimitLog10M"/> (few of them are selected).</summary>
    public int LowMassHaloesPerNode { get; init; } = 1500;

    /// <summary>Nodes below this true log10 M get <see cref="LowMassHaloesPerNode"/> haloes.</summary>
    public double LowMassLimitLog10M { get; init; } = 13.85;

    /// <summary>Where the calibration file is written.</summary>
    public string OutputPath { get; init; } = "models/mass-cnn-2d/selection-calibration.json";

    /// <summary>Longest wait for the posteriors.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>The mass nodes.</summary>
    public double[] MassNodes() =>
        [.. Enumerable.Range(0, (int)Math.Round((Log10MassMax - Log10MassMin) / Log10MassStep) + 1).Select(i => Math.Round(Log10MassMin + (i * Log10MassStep), 6))];

    /// <summary>The redshift nodes.</summary>
    public double[] RedshiftNodeValues() =>
        [.. Enumerable.Range(0, RedshiftNodes).Select(i => Math.Round(RedshiftMin + ((RedshiftMax - RedshiftMin) * i / (RedshiftNodes - 1)), 6))];
}
