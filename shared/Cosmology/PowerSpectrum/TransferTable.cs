namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>What the value column of a <see cref="TransferTable"/> holds.</summary>
public enum TransferTableQuantity
{
    /// <summary>T(k), any normalisation (CAMB's T/k² times k², CLASS's |δ_m|/k²).</summary>
    Transfer,

    /// <summary>Linear P(k) in h⁻³ Mpc³, any normalisation; T ∝ √(P / kⁿˢ) with the cosmology's n_s.</summary>
    Power,
}

/// <summary>
/// A transfer function or linear power spectrum read from a CAMB or CLASS output (<see cref="TransferTableReader"/>):
/// k strictly increasing in h Mpc⁻¹ over at least <see cref="RequiredMinKHOverMpc"/>–<see cref="RequiredMaxKHOverMpc"/>,
/// finite positive values. Equal tables (same file name, quantity and numbers) are equal values, so a table read twice
/// shares one σ(M) table.
/// </summary>
public sealed class TransferTable : IEquatable<TransferTable>
{
    /// <summary>
    /// The table must reach down to this k (h Mpc⁻¹). Below it T is held constant: there T differs from 1 by &lt; 1e-4 in
    /// ΛCDM, and k³P(k) is &lt; 1e-6 of its peak for any top hat of R ≤ 50 h⁻¹ Mpc (M ≲ 4e16 h⁻¹ M☉).
    /// </summary>
    public const double RequiredMinKHOverMpc = 1e-3;

    /// <summary>
    /// The table must reach up to this k (h Mpc⁻¹): kR ≥ 20 for every cluster-scale top hat (M ≥ 1e13 h⁻¹ M☉ has
    /// R ≥ 2.6 h⁻¹ Mpc for Ω_m ≤ 0.5), where W² ≈ 4.5/(kR)⁴ leaves &lt; 1e-4 of σ². Above it ln T is continued linearly in
    /// ln k with the slope of the last interval, which σ(M) of smaller masses then depends on.
    /// </summary>
    public const double RequiredMaxKHOverMpc = 10.0;

    private readonly double[] _kHOverMpc;
    private readonly double[] _values;
    private readonly int _hash;

    /// <summary>
    /// A checked table; <see cref="TransferTableReader"/> builds them from files. Throws <see cref="ArgumentException"/>
    /// naming <paramref name="source"/> and the line (<paramref name="lineNumbers"/>, else the row) at fault.
    /// </summary>
    public TransferTable(string source, TransferTableQuantity quantity, IReadOnlyList<double> kHOverMpc, IReadOnlyList<double> values,
        IReadOnlyList<int>? lineNumbers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(kHOverMpc);
        ArgumentNullException.ThrowIfNull(values);
        if (kHOverMpc.Count != values.Count || kHOverMpc.Count < 4 || (lineNumbers is not null && lineNumbers.Count != kHOverMpc.Count))
            throw new ArgumentException($"{source}: a table needs at least 4 rows of (k, value); it has {kHOverMpc.Count} k and {values.Count} values.");
        string Line(int row) => lineNumbers is null ? $"row {row + 1}" : $"line {lineNumbers[row]}";
        for (int i = 0; i < kHOverMpc.Count; i++)
        {
            if (!(double.IsFinite(kHOverMpc[i]) && kHOverMpc[i] > 0 && double.IsFinite(values[i]) && values[i] > 0))
                throw new ArgumentException($"{source}, {Line(i)}: k = {kHOverMpc[i]}, value = {values[i]}: both must be finite and positive.");
            if (i > 0 && kHOverMpc[i] <= kHOverMpc[i - 1])
                throw new ArgumentException($"{source}, {Line(i)}: k = {kHOverMpc[i]} does not increase strictly (the row before has {kHOverMpc[i - 1]}).");
        }

        if (kHOverMpc[0] > RequiredMinKHOverMpc || kHOverMpc[^1] < RequiredMaxKHOverMpc)
        {
            throw new ArgumentException(
                $"{source}: k runs over {kHOverMpc[0]:G4}–{kHOverMpc[^1]:G4} h/Mpc ({Line(0)} to {Line(kHOverMpc.Count - 1)}); " +
                $"the σ(M) integrals need at least {RequiredMinKHOverMpc:G4}–{RequiredMaxKHOverMpc:G4} h/Mpc.");
        }

        FileName = Path.GetFileName(source);
        Quantity = quantity;
        _kHOverMpc = [.. kHOverMpc];
        _values = [.. values];
        var hash = new HashCode();
        hash.Add(FileName);
        hash.Add(quantity);
        foreach (double k in _kHOverMpc) hash.Add(k);
        foreach (double v in _values) hash.Add(v);
        _hash = hash.ToHashCode();
    }

    /// <summary>The file's name without its folder, as the mass-function record states it.</summary>
    public string FileName { get; }

    /// <summary>What <see cref="Values"/> holds.</summary>
    public TransferTableQuantity Quantity { get; }

    /// <summary>k in h Mpc⁻¹, strictly increasing.</summary>
    public IReadOnlyList<double> KHOverMpc => _kHOverMpc;

    /// <summary>T(k) or P(k) (<see cref="Quantity"/>), positive.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>T(k) for <paramref name="cosmology"/>: a power table is divided by k^{n_s} of that cosmology.</summary>
    public ITransferFunction For(FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        var lnK = new double[_kHOverMpc.Length];
        var lnT = new double[_kHOverMpc.Length];
        for (int i = 0; i < lnK.Length; i++)
        {
            lnK[i] = Math.Log(_kHOverMpc[i]);
            lnT[i] = Quantity == TransferTableQuantity.Power ? 0.5 * (Math.Log(_values[i]) - (cosmology.Ns * lnK[i])) : Math.Log(_values[i]);
        }

        // A Boltzmann code's wiggles sit at its sound horizon, within ~2 % of EH98 Eq. 6: close enough to size panels.
        return new TabulatedTransfer(lnK, lnT, new EisensteinHu1998(cosmology).OscillationLengthMpcOverH);
    }

    public bool Equals(TransferTable? other) =>
        ReferenceEquals(this, other)
        || (other is not null && _hash == other._hash && FileName == other.FileName && Quantity == other.Quantity
            && _kHOverMpc.AsSpan().SequenceEqual(other._kHOverMpc) && _values.AsSpan().SequenceEqual(other._values));

    public override bool Equals(object? obj) => Equals(obj as TransferTable);

    public override int GetHashCode() => _hash;
}
