using StreamProcessor.Cosmology.Halos;

namespace StreamProcessor.Abundance.Mocks;

/// <summary>
/// A mock light cone: a spherical cap of <see cref="SkyAreaDeg2"/> centred on (<see cref="CentreRaDeg"/>,
/// <see cref="CentreDecDeg"/>), redshifts and masses in the given ranges, cells of the given size.
/// </summary>
public sealed record MockSurveyOptions
{
    /// <summary>Area of the cap, deg².</summary>
    public double SkyAreaDeg2 { get; init; } = 5000;

    /// <summary>Right ascension of the cap centre, degrees.</summary>
    public double CentreRaDeg { get; init; } = 180;

    /// <summary>Declination of the cap centre, degrees.</summary>
    public double CentreDecDeg { get; init; } = 30;

    /// <summary>Lowest redshift.</summary>
    public double RedshiftMin { get; init; } = 0.03;

    /// <summary>Highest redshift.</summary>
    public double RedshiftMax { get; init; } = 0.15;

    /// <summary>Lowest log₁₀(M / h⁻¹ M☉).</summary>
    public double Log10MassMin { get; init; } = 13.5;

    /// <summary>Highest log₁₀(M / h⁻¹ M☉) (the abundance above 10^16 is negligible at low z).</summary>
    public double Log10MassMax { get; init; } = 16.0;

    /// <summary>Redshift width of a cell.</summary>
    public double RedshiftCellWidth { get; init; } = 0.002;

    /// <summary>log₁₀ M width of a cell, dex.</summary>
    public double Log10MassCellWidth { get; init; } = 0.01;

    /// <summary>Mass definition of the drawn masses.</summary>
    public Overdensity MassDefinition { get; init; } = Overdensity.Critical200;

    /// <summary>Seed: the same seed and options give the same haloes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Prefix of the halo ids.</summary>
    public string IdPrefix { get; init; } = "mock";

    /// <summary>Throws when the options cannot be drawn.</summary>
    public MockSurveyOptions Validated()
    {
        const double fullSkyDeg2 = 4.0 * Math.PI * (180.0 / Math.PI) * (180.0 / Math.PI);
        if (!(SkyAreaDeg2 > 0 && SkyAreaDeg2 <= fullSkyDeg2)) throw new ArgumentOutOfRangeException(nameof(SkyAreaDeg2), SkyAreaDeg2, "Area must lie in (0, 41253] deg².");
        if (!(CentreDecDeg >= -90 && CentreDecDeg <= 90)) throw new ArgumentOutOfRangeException(nameof(CentreDecDeg), CentreDecDeg, "Declination must lie in [−90, 90].");
        if (!double.IsFinite(CentreRaDeg)) throw new ArgumentOutOfRangeException(nameof(CentreRaDeg), CentreRaDeg, "Right ascension must be finite.");
        if (!(RedshiftMin >= 0 && RedshiftMax > RedshiftMin)) throw new ArgumentOutOfRangeException(nameof(RedshiftMax), RedshiftMax, "Need 0 ≤ z_min < z_max.");
        if (!(Log10MassMax > Log10MassMin)) throw new ArgumentOutOfRangeException(nameof(Log10MassMax), Log10MassMax, "Need log M_min < log M_max.");
        if (!(RedshiftCellWidth > 0)) throw new ArgumentOutOfRangeException(nameof(RedshiftCellWidth), RedshiftCellWidth, "Must be positive.");
        if (!(Log10MassCellWidth > 0)) throw new ArgumentOutOfRangeException(nameof(Log10MassCellWidth), Log10MassCellWidth, "Must be positive.");
        ArgumentNullException.ThrowIfNull(MassDefinition);
        ArgumentNullException.ThrowIfNull(IdPrefix);
        return this;
    }
}
