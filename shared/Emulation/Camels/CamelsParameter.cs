namespace StreamProcessor.Emulation.Camels;

/// <summary>One of the 28 CAMELS-TNG parameters as param_ranges.csv gives it.</summary>
/// <param name="Name">Simulation parameter name, e.g. "Omega0".</param>
/// <param name="Min">Lower prior edge.</param>
/// <param name="Max">Upper prior edge.</param>
/// <param name="Fiducial">TNG fiducial value.</param>
/// <param name="SampledInLog">True when the Sobol design is uniform in log10 of the parameter.</param>
/// <param name="Description">What it controls, e.g. "ASN1 - galactic winds energy".</param>
public sealed record CamelsParameter(string Name, double Min, double Max, double Fiducial, bool SampledInLog, string Description)
{
    /// <summary>The five cosmological parameters; every other one is astrophysical (feedback).</summary>
    public static readonly IReadOnlySet<string> Cosmological = new HashSet<string>(StringComparer.Ordinal)
    {
        "Omega0", "sigma8", "OmegaBaryon", "HubbleParam", "n_s",
    };

    /// <summary>"cosmological" or "astrophysical".</summary>
    public string Group => Cosmological.Contains(Name) ? "cosmological" : "astrophysical";

    /// <summary>
    /// Name of the quantity a network infers: "log10_&lt;Name&gt;" for a parameter sampled uniformly in log10 (its
    /// posterior is closer to Gaussian there), else the name itself.
    /// </summary>
    public string InferredName => SampledInLog ? $"log10_{Name}" : Name;

    /// <summary>The inferred quantity for <paramref name="value"/>: log10 of it when sampled in log, else itself.</summary>
    public double InferredValue(double value) => SampledInLog ? Math.Log10(value) : value;

    /// <summary>Maps a value to [0, 1] over the prior (in log10 when sampled in log).</summary>
    public double ToUnit(double value) => SampledInLog
        ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (value - Min) / (Max - Min);

    /// <summary>Inverse of <see cref="ToUnit"/>.</summary>
    public double FromUnit(double unit) => SampledInLog
        ? Math.Pow(10, Math.Log10(Min) + (unit * (Math.Log10(Max) - Math.Log10(Min))))
        : Min + (unit * (Max - Min));
}
