namespace StreamProcessor.Abundance.Selection;

/// <summary>
/// Completeness tabulated on a (log₁₀ M, z) grid and interpolated bilinearly; outside the grid the nearest edge
/// value is used (clamped), so a table that reaches 1 at its top mass stays 1 above it. With a
/// <c>Log10MassFloor</c> the completeness is 0 below it: a survey whose candidate list holds only haloes above a mass.
/// </summary>
/// <param name="Log10Masses">Ascending log₁₀(M / h⁻¹ M☉) nodes (≥ 2).</param>
/// <param name="Redshifts">Ascending redshift nodes (≥ 2).</param>
/// <param name="Values">Completeness at the nodes, row-major: Values[massIndex * Redshifts.Count + redshiftIndex], each in [0, 1].</param>
/// <param name="Log10MassFloor">Below this log₁₀ M the completeness is 0 (null: no floor, the table is clamped).</param>
public sealed record TabulatedCompleteness(
    IReadOnlyList<double> Log10Masses,
    IReadOnlyList<double> Redshifts,
    IReadOnlyList<double> Values,
    double? Log10MassFloor = null) : CompletenessModel
{
    /// <inheritdoc />
    public override double Evaluate(double log10Mass, double redshift)
    {
        if (log10Mass < Log10MassFloor) return 0.0;
        (int i, double tm) = TableAxis.Locate(Log10Masses, log10Mass);
        (int j, double tz) = TableAxis.Locate(Redshifts, redshift);
        int nz = Redshifts.Count;
        double c00 = Values[(i * nz) + j];
        double c01 = Values[(i * nz) + j + 1];
        double c10 = Values[((i + 1) * nz) + j];
        double c11 = Values[((i + 1) * nz) + j + 1];
        return ((1 - tm) * (((1 - tz) * c00) + (tz * c01))) + (tm * (((1 - tz) * c10) + (tz * c11)));
    }

    /// <inheritdoc />
    public override CompletenessModel Validated()
    {
        ArgumentNullException.ThrowIfNull(Log10Masses);
        ArgumentNullException.ThrowIfNull(Redshifts);
        ArgumentNullException.ThrowIfNull(Values);
        TableAxis.Check(Log10Masses, nameof(Log10Masses));
        TableAxis.Check(Redshifts, nameof(Redshifts));
        if (Log10MassFloor is double floor && !double.IsFinite(floor))
            throw new ArgumentOutOfRangeException(nameof(Log10MassFloor), floor, "The mass floor must be finite.");
        if (Values.Count != Log10Masses.Count * Redshifts.Count)
            throw new ArgumentException($"Expected {Log10Masses.Count} × {Redshifts.Count} values, got {Values.Count}.", nameof(Values));
        foreach (double c in Values)
        {
            if (!(c >= 0 && c <= 1)) throw new ArgumentOutOfRangeException(nameof(Values), c, "Completeness values must lie in [0, 1].");
        }

        return this;
    }
}
