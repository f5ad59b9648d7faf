using StreamProcessor.Cosmology.Inference;

namespace StreamProcessor.Abundance;

/// <summary>
/// Zooms the (Ω_m, σ₈) grid onto the posterior when the configured grid resolves it too coarsely. With ~10⁴ clusters
/// σ(S₈) ≈ 0.003 is narrower than a 50 × 50 grid's step over 0.15–0.45 × 0.6–1.1, so the 95 % region holds only a
/// few grid points and its level is poorly defined (a 40,000 deg² mock put the truth outside it). The refined grid
/// has the same number of points over the box where ln L ≥ max − <see cref="BoxDepth"/>, one coarse step wider on
/// every side and clipped to the configured grid (the prior's support); outside that box the posterior mass is
/// below e^−12 of the peak, so the flat prior on the configured grid is unchanged.
/// </summary>
public static class GridRefinement
{
    /// <summary>Refine when the 95 % region holds fewer grid points than this.</summary>
    public const int MinPointsIn95 = 40;

    /// <summary>ln L depth below the maximum that the refined box must contain.</summary>
    public const double BoxDepth = 12.0;

    /// <summary>The refined grid, or null when <paramref name="posterior"/> already resolves its 95 % region.</summary>
    public static CosmologyGrid? Refine(GridPosterior posterior, double level95)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        CosmologyGrid grid = posterior.Grid;
        int nOmegaM = grid.OmegaMValues.Count;
        int nSigma8 = grid.Sigma8Values.Count;
        int inside = 0;
        int iMin = nOmegaM, iMax = -1, jMin = nSigma8, jMax = -1;
        double max = posterior.MaxLogLikelihood;
        for (int i = 0; i < nOmegaM; i++)
        {
            for (int j = 0; j < nSigma8; j++)
            {
                double l = posterior.LogLikelihood[i, j];
                if (l >= level95) inside++;
                if (l < max - BoxDepth) continue;
                (iMin, iMax) = (Math.Min(iMin, i), Math.Max(iMax, i));
                (jMin, jMax) = (Math.Min(jMin, j), Math.Max(jMax, j));
            }
        }

        if (inside >= MinPointsIn95) return null;
        var omegaM = grid.OmegaMValues;
        var sigma8 = grid.Sigma8Values;
        return CosmologyGrid.Uniform(
            grid.BaseCosmology,
            omegaM[Math.Max(0, iMin - 1)], omegaM[Math.Min(nOmegaM - 1, iMax + 1)], nOmegaM,
            sigma8[Math.Max(0, jMin - 1)], sigma8[Math.Min(nSigma8 - 1, jMax + 1)], nSigma8);
    }

    /// <summary>Whether <paramref name="cached"/> can stand for <paramref name="wanted"/>: it contains it and is at most twice as wide on each axis.</summary>
    public static bool CanReuse(CosmologyGrid cached, CosmologyGrid wanted)
    {
        ArgumentNullException.ThrowIfNull(cached);
        ArgumentNullException.ThrowIfNull(wanted);
        return Covers(cached.OmegaMValues, wanted.OmegaMValues) && Covers(cached.Sigma8Values, wanted.Sigma8Values);
    }

    private static bool Covers(IReadOnlyList<double> cached, IReadOnlyList<double> wanted) =>
        cached[0] <= wanted[0] && cached[^1] >= wanted[^1] && (cached[^1] - cached[0]) <= 2 * (wanted[^1] - wanted[0]);
}
