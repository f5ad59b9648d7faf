namespace StreamProcessor.Emulation;

/// <summary>Settings of an emulator fit.</summary>
public sealed record EmulatorFitOptions
{
    /// <summary>Fraction of each kind's log-profile variance the kept principal components explain.</summary>
    public double VarianceFraction { get; init; } = 0.995;

    /// <summary>Most principal components kept per kind.</summary>
    public int MaxComponents { get; init; } = 6;

    /// <summary>Fit the CARPool pair correlation (true) or a plain GP (false).</summary>
    public bool CarPool { get; init; } = true;

    /// <summary>L-BFGS iterations per kind.</summary>
    public int MaxIterations { get; init; } = 80;
}
