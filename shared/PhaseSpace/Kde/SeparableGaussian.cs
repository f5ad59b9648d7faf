namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// The exact factorisation behind <see cref="Kde2D"/> and <see cref="Kde3D"/>, with the bookkeeping that keeps it
/// inside double range.
/// </summary>
/// <remarks>
/// In standardised coordinates (data centred on its mean and divided by its standard deviation) the kernel exponent
/// of grid point X and data point x_i is -1/2 (X - x_i)^T Q (X - x_i), Q = (bw^2 C)^-1 with C the correlation matrix.
/// Relative to a tile origin o, with xi = X - o and eta_i = x_i - o and m_i = Q eta_i, it splits exactly into
/// -1/2 xi^T Q xi (grid only) + sum_d xi_d m_id (one factor per axis and point) - 1/2 eta_i^T Q eta_i (point only).
/// Each per-axis factor exp(xi_d m_id - h_d |m_id|) is at most 1 and is a geometric sequence along the axis, so it
/// costs one exponential per point and axis; the point weight exp(-1/2 eta^T Q eta + sum_d h_d |m_id|) is at most
/// exp(R^2 / 2), where R^2 is the largest xi^T Q xi over the tile and h_d the tile's half-width along axis d
/// (xi^T Q eta &lt;= (xi^T Q xi + eta^T Q eta) / 2). The grid is therefore cut into tiles small enough that
/// R^2 / 2 &lt;= <see cref="MaxHalfSquaredRadius"/>: then every term that matters (above exp(-NegligibleLogTerm)
/// of a kernel peak) has all partial products between exp(-MaxHalfSquaredRadius - NegligibleLogTerm) and
/// exp(MaxHalfSquaredRadius), far from underflow and overflow, and all factors are positive, so the sums have no
/// cancellation. A point whose Q-distance from the tile origin exceeds R + sqrt(2 NegligibleLogTerm) contributes
/// less than exp(-NegligibleLogTerm) anywhere in the tile and is skipped.
/// </remarks>
internal static class SeparableGaussian
{
    /// <summary>Terms below exp(-60) ~ 1e-26 of a kernel peak are dropped (far below the 1e-9 image tolerance).</summary>
    internal const double NegligibleLogTerm = 60.0;

    /// <summary>
    /// Largest R^2 / 2 allowed in one tile; with <see cref="NegligibleLogTerm"/> it keeps every partial product of a
    /// term that matters within (exp(-560), exp(500)), inside the normal double range (exp(-708), exp(709)).
    /// </summary>
    internal const double MaxHalfSquaredRadius = 500.0;

    internal static readonly double PruneMargin = Math.Sqrt(2.0 * NegligibleLogTerm);

    /// <summary>First bin of tile k when <paramref name="bins"/> bins are cut into <paramref name="tiles"/> near-equal tiles.</summary>
    internal static int TileStart(int bins, int tiles, int k) => (int)((long)k * bins / tiles);

    /// <summary>Largest bins per tile for the given tile count.</summary>
    internal static int MaxTileLength(int bins, int tiles) => (bins + tiles - 1) / tiles;

    /// <summary>max over sign patterns of Q(s0 h0, s1 h1).</summary>
    internal static double MaxCornerQuadratic(double q00, double q01, double q11, double h0, double h1) =>
        (q00 * h0 * h0) + (q11 * h1 * h1) + (2.0 * Math.Abs(q01) * h0 * h1);

    /// <summary>max over sign patterns of Q(s0 h0, s1 h1, s2 h2); q is row-major 3 x 3 and symmetric.</summary>
    internal static double MaxCornerQuadratic(ReadOnlySpan<double> q, double h0, double h1, double h2)
    {
        double diagonal = (q[0] * h0 * h0) + (q[4] * h1 * h1) + (q[8] * h2 * h2);
        double c01 = 2.0 * q[1] * h0 * h1;
        double c02 = 2.0 * q[2] * h0 * h2;
        double c12 = 2.0 * q[5] * h1 * h2;

        // s0 = +1 without loss of generality (Q(-x) = Q(x)): four patterns of (s1, s2).
        double best = c01 + c02 + c12;
        best = Math.Max(best, c01 - c02 - c12);
        best = Math.Max(best, -c01 + c02 - c12);
        best = Math.Max(best, -c01 - c02 + c12);
        return diagonal + best;
    }

    /// <summary>
    /// Writes peak * ratio^distance down one column of a [length][stride] buffer, where distance counts bins from
    /// the end holding the peak (the last bin when <paramref name="peakAtLast"/>, else the first). The sequence only
    /// shrinks, so underflow (harmless: those terms are negligible) can never be followed by growth.
    /// </summary>
    internal static void FillGeometric(Span<double> buffer, int column, int stride, int length, double peak, double ratio, bool peakAtLast)
    {
        double value = peak;
        if (peakAtLast)
        {
            for (int k = length - 1; k >= 0; k--)
            {
                buffer[(k * stride) + column] = value;
                value *= ratio;
            }
        }
        else
        {
            for (int k = 0; k < length; k++)
            {
                buffer[(k * stride) + column] = value;
                value *= ratio;
            }
        }
    }

    /// <summary>Zeroes columns [from, to) of the first <paramref name="rows"/> rows of a [rows][stride] buffer.</summary>
    internal static void ZeroColumns(Span<double> buffer, int rows, int stride, int from, int to)
    {
        for (int k = 0; k < rows; k++)
        {
            buffer.Slice((k * stride) + from, to - from).Clear();
        }
    }
}
