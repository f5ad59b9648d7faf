using StreamProcessor.Abundance.Selection;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// A survey's calibrated mass–observable relation in configuration ("MassFunction:Surveys:n:MassObservable"): the
/// residuals log10 M_obs − log10 M_true of selected simulated clusters on a (log10 M_true, z) grid
/// (<see cref="EmpiricalMassObservable"/>), as <c>pipeline calibrate-selection</c> writes them.
/// </summary>
public sealed record MassObservableOptions
{
    /// <summary>Ascending true log10(M / h^-1 Msun) nodes.</summary>
    public double[] Log10Masses { get; init; } = [];

    /// <summary>Ascending redshift nodes.</summary>
    public double[] Redshifts { get; init; } = [];

    /// <summary>Residuals per node, mass-major (Residuals[massIndex * Redshifts.Length + redshiftIndex]), dex.</summary>
    public double[][] Residuals { get; init; } = [];

    /// <summary>Gaussian kernel width of the residual distributions, dex.</summary>
    public double SmoothingDex { get; init; } = 0.02;

    /// <summary>The relation; throws when the parameters are invalid.</summary>
    public MassObservableModel ToModel() =>
        new EmpiricalMassObservable(Log10Masses, Redshifts, [.. Residuals.Select(r => (IReadOnlyList<double>)r)], SmoothingDex).Validated();
}
