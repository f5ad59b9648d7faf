namespace StreamProcessor.Cosmology.Inference;

/// <summary>
/// An (Ω_m, σ₈) grid around a base cosmology: Ω_b, h, n_s and T_CMB stay at the base values (flat ΛCDM, so Ω_Λ = 1 − Ω_m).
/// </summary>
/// <param name="BaseCosmology">The parameters held fixed (its Ω_m and σ₈ are ignored).</param>
/// <param name="OmegaMValues">Ascending Ω_m values.</param>
/// <param name="Sigma8Values">Ascending σ₈ values.</param>
public sealed record CosmologyGrid(FlatLcdm BaseCosmology, IReadOnlyList<double> OmegaMValues, IReadOnlyList<double> Sigma8Values)
{
    /// <summary>A grid of <paramref name="omegaMCount"/> × <paramref name="sigma8Count"/> equally spaced values, ends included.</summary>
    public static CosmologyGrid Uniform(FlatLcdm baseCosmology, double omegaMMin, double omegaMMax, int omegaMCount, double sigma8Min, double sigma8Max, int sigma8Count) =>
        new CosmologyGrid(baseCosmology, Linspace(omegaMMin, omegaMMax, omegaMCount), Linspace(sigma8Min, sigma8Max, sigma8Count)).Validated();

    /// <summary>The cosmology at grid point (i, j).</summary>
    public FlatLcdm At(int omegaMIndex, int sigma8Index) =>
        BaseCosmology with { OmegaM = OmegaMValues[omegaMIndex], Sigma8 = Sigma8Values[sigma8Index] };

    /// <summary>Throws when a grid point is not a valid cosmology or the axes are not ascending.</summary>
    public CosmologyGrid Validated()
    {
        ArgumentNullException.ThrowIfNull(BaseCosmology);
        ArgumentNullException.ThrowIfNull(OmegaMValues);
        ArgumentNullException.ThrowIfNull(Sigma8Values);
        CheckAxis(OmegaMValues, nameof(OmegaMValues));
        CheckAxis(Sigma8Values, nameof(Sigma8Values));
        _ = At(0, 0).Validated();
        _ = At(OmegaMValues.Count - 1, Sigma8Values.Count - 1).Validated();
        return this;
    }

    private static void CheckAxis(IReadOnlyList<double> values, string name)
    {
        if (values.Count < 2) throw new ArgumentException("A grid axis needs at least two values.", name);
        for (int i = 1; i < values.Count; i++)
        {
            if (!(values[i] > values[i - 1])) throw new ArgumentException("Grid values must be strictly ascending.", name);
        }
    }

    private static double[] Linspace(double min, double max, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = min + ((max - min) * i / (count - 1));
        return values;
    }
}
