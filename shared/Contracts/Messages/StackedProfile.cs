namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// A radial profile stacked over several objects: one message of topic <c>profiles</c>, schema schemas/stacked-profile.
/// Each kind is a nullable list with one value per radius (and an optional 1-sigma error list of the same length);
/// at least one kind is present. New kinds arrive as new nullable columns in a later minor version; every kind is
/// listed once in <see cref="StackedProfileKinds.All"/>.
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

    /// <summary>
    /// X-ray surface brightness in absolute units, erg s^-1 cm^-2 arcsec^-2. The profile model does not read it: it reads
    /// <see cref="XraySurfaceBrightnessRelative"/>, the units it was trained in.
    /// </summary>
    public IReadOnlyList<double>? XraySurfaceBrightness { get; init; }

    public IReadOnlyList<double>? XraySurfaceBrightnessError { get; init; }

    /// <summary>log10(N_HI / cm^-2).</summary>
    public IReadOnlyList<double>? HiLog10ColumnDensity { get; init; }

    /// <summary>1-sigma error of <see cref="HiLog10ColumnDensity"/>, dex.</summary>
    public IReadOnlyList<double>? HiLog10ColumnDensityErrorDex { get; init; }

    /// <summary>Projected galaxy number density, h^2 Mpc^-2.</summary>
    public IReadOnlyList<double>? GalaxySurfaceDensityH2PerMpc2 { get; init; }

    public IReadOnlyList<double>? GalaxySurfaceDensityErrorH2PerMpc2 { get; init; }

    /// <summary>Gas number density n_gas in spherical shells, cm^-3 (schema 1.1).</summary>
    public IReadOnlyList<double>? GasDensityCm3 { get; init; }

    public IReadOnlyList<double>? GasDensityCm3Error { get; init; }

    /// <summary>Mass-weighted gas temperature, keV (schema 1.1).</summary>
    public IReadOnlyList<double>? GasTemperatureKev { get; init; }

    public IReadOnlyList<double>? GasTemperatureKevError { get; init; }

    /// <summary>Gas metallicity, Z_sun (schema 1.1).</summary>
    public IReadOnlyList<double>? GasMetallicityZsun { get; init; }

    public IReadOnlyList<double>? GasMetallicityZsunError { get; init; }

    /// <summary>Projected Compton-y, dimensionless (schema 1.1).</summary>
    public IReadOnlyList<double>? ComptonY { get; init; }

    public IReadOnlyList<double>? ComptonYError { get; init; }

    /// <summary>
    /// Soft-band X-ray surface brightness in the relative, undocumented units of the CAMELS-zoomGZ28 profiles
    /// (Lee et al. 2024, arXiv:2403.10609) that the profile model was trained on (schema 1.1). A survey converts its
    /// calibrated profile to these units before publishing; absolute units belong in <see cref="XraySurfaceBrightness"/>.
    /// </summary>
    public IReadOnlyList<double>? XraySurfaceBrightnessRelative { get; init; }

    public IReadOnlyList<double>? XraySurfaceBrightnessRelativeError { get; init; }

    /// <summary>Mean log10(M_halo / h^-1 M_sun) of the stacked objects; null when the survey does not give one (schema 1.1).</summary>
    public double? Log10HaloMass { get; init; }
}
