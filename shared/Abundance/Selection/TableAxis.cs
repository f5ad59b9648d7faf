namespace StreamProcessor.Abundance.Selection;

/// <summary>The node axis of a (log₁₀ M, z) table: validation and cell lookup shared by the tabulated selection models.</summary>
internal static class TableAxis
{
    /// <summary>Index of the lower node of the cell holding x and the fraction across it, clamped to the grid.</summary>
    public static (int Index, double Fraction) Locate(IReadOnlyList<double> axis, double x)
    {
        if (!(x > axis[0])) return (0, 0.0);
        if (x >= axis[^1]) return (axis.Count - 2, 1.0);
        int lo = Bins.Find(axis, x); // inside the axis here, so a cell
        return (lo, (x - axis[lo]) / (axis[lo + 1] - axis[lo]));
    }

    /// <summary>Throws unless the axis has ≥ 2 finite, strictly ascending nodes.</summary>
    public static void Check(IReadOnlyList<double> axis, string name)
    {
        if (axis.Count < 2) throw new ArgumentException("A table axis needs at least two nodes.", name);
        for (int i = 0; i < axis.Count; i++)
        {
            if (!double.IsFinite(axis[i])) throw new ArgumentException("Table nodes must be finite.", name);
            if (i > 0 && !(axis[i] > axis[i - 1])) throw new ArgumentException("Table nodes must be strictly ascending.", name);
        }
    }
}
