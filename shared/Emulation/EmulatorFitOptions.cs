namespace StreamProcessor.Emulation;

/// <summary>Settings of an emulator fit.</summary>
public sealed record EmulatorFitOptions
{
    /// <summary>Fraction of each kind's log-profile variance the kept principal components explain.</summary>
    public double VarianceFraction { get; init; } = 0.995;

    /// <summary>
    /// Most principal components kept per kind; the variance fraction decides below it. The emulated profiles can only
    /// move along as many directions as there are components in all (<see cref="Training.FisherForecast"/>), so fewer
    /// than the 28 parameters leave some parameter combinations invisible to any network: 6 per kind (24) did.
    /// </summary>
    public int MaxComponents { get; init; } = 16;

    /// <summary>Fit the CARPool pair correlation (true) or a plain GP (false).</summary>
    public bool CarPool { get; init; } = true;

    /// <summary>L-BFGS iterations per kind.</summary>
    public int MaxIterations { get; init; } = 80;
}
