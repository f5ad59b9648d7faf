namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// A radial profile stacked over several objects: one message of topic <c>profiles</c>, schema schemas/stacked-profile.
/// Each kind is a nullable list with one value per radius (and an optional 1-sigma error list of the same length);
/// at least one kind is present. New kinds arrive as new nullable columns in a later minor version.
/// </summary>
public sealed record StackedProfile
{
    public required string ProfileId { get; init; }

    public required string Survey { get; init; }

    /// <summary>Mean redshift of the stacked objects, in [0, 10].</summary>
    public required double Redshift { get; init; }

    /// <summary>Number of objects in the stack (at least 1).</summary>
    public required int StackedObjects { get; init; }

    /// <summary>Bin centres, projected comoving radius in h^-1 Mpc, strictly increasing.</summary>
    public required IReadOnlyList<double> RadiiMpcOverH { get; init; }

    /// <summary>X-ray surface brightness, erg s^-1 cm^-2 arcsec^-2.</summary>
    public IReadOnlyList<double>? XraySurfaceBrightness { get; init; }

    public IReadOnlyList<double>? XraySurfaceBrightnessError { get; init; }

    /// <summary>log10(N_HI / cm^-2).</summary>
    public IReadOnlyList<double>? HiLog10ColumnDensity { get; init; }

    /// <summary>1-sigma error of <see cref="HiLog10ColumnDensity"/>, dex.</summary>
    public IReadOnlyList<double>? HiLog10ColumnDensityErrorDex { get; init; }

    /// <summary>Projected galaxy number density, h^2 Mpc^-2.</summary>
    public IReadOnlyList<double>? GalaxySurfaceDensityH2PerMpc2 { get; init; }

    public IReadOnlyList<double>? GalaxySurfaceDensityErrorH2PerMpc2 { get; init; }
}
