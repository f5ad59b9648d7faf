namespace StreamProcessor.Abundance;

/// <summary>Bin lookup shared by the counts and the sampler: bins are [lo, hi), the last one [lo, hi].</summary>
internal static class Bins
{
    /// <summary>Index of the bin of ascending <paramref name="edges"/> holding <paramref name="x"/>, or −1 outside.</summary>
    public static int Find(IReadOnlyList<double> edges, double x)
    {
        if (!(x >= edges[0] && x <= edges[^1])) return -1;
        if (x == edges[^1]) return edges.Count - 2;
        int lo = 0;
        int hi = edges.Count - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (edges[mid] <= x) lo = mid;
            else hi = mid;
        }

        return lo;
    }

    /// <summary>The same for an array (no interface dispatch in the sampler's inner loop).</summary>
    public static int Find(double[] edges, double x)
    {
        if (!(x >= edges[0] && x <= edges[^1])) return -1;
        if (x == edges[^1]) return edges.Length - 2;
        int lo = 0;
        int hi = edges.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (edges[mid] <= x) lo = mid;
            else hi = mid;
        }

        return lo;
    }
}
