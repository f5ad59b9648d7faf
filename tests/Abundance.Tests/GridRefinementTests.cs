using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Inference;

namespace StreamProcessor.Abundance.Tests;

/// <summary>The (Ω_m, σ₈) grid is zoomed only when its 95 % region is under-resolved, and the zoom keeps the posterior.</summary>
public sealed class GridRefinementTests
{
    private static readonly CosmologyGrid Coarse = CosmologyGrid.Uniform(FlatLcdm.Planck18, 0.15, 0.45, 50, 0.6, 1.1, 50);

    /// <summary>A Gaussian ln L centred on (0.31, 0.81) with the given widths, on <paramref name="grid"/>.</summary>
    private static GridPosterior Gaussian(CosmologyGrid grid, double sigmaOmegaM, double sigmaSigma8)
    {
        var l = new double[grid.OmegaMValues.Count, grid.Sigma8Values.Count];
        (int bi, int bj, double best) = (0, 0, double.NegativeInfinity);
        for (int i = 0; i < grid.OmegaMValues.Count; i++)
        {
            for (int j = 0; j < grid.Sigma8Values.Count; j++)
            {
                double a = (grid.OmegaMValues[i] - 0.31) / sigmaOmegaM;
                double b = (grid.Sigma8Values[j] - 0.81) / sigmaSigma8;
                l[i, j] = -0.5 * ((a * a) + (b * b));
                if (l[i, j] > best) (bi, bj, best) = (i, j, l[i, j]);
            }
        }

        var none = new ParameterSummary(double.NaN, double.NaN);
        return new GridPosterior(grid, l, none, none, none, bi, bj);
    }

    private static double Level95(GridPosterior p)
    {
        var flat = p.LogLikelihood.Cast<double>().ToArray();
        return CredibleRegion.LogLikelihoodLevel(flat, [.. flat.Select(_ => 1.0)], 0.95);
    }

    [Fact]
    public void A_well_resolved_posterior_keeps_the_configured_grid()
    {
        var broad = Gaussian(Coarse, 0.03, 0.04); // ~5 × 4 grid steps per σ
        Assert.Null(GridRefinement.Refine(broad, Level95(broad)));
    }

    [Fact]
    public void A_narrow_posterior_gets_a_zoomed_grid_that_still_holds_it()
    {
        var narrow = Gaussian(Coarse, 0.004, 0.004); // under one grid step per σ
        var refined = GridRefinement.Refine(narrow, Level95(narrow));
        Assert.NotNull(refined);
        Assert.Equal(50, refined.OmegaMValues.Count);
        Assert.Equal(50, refined.Sigma8Values.Count);
        // Much finer, inside the prior's support, and containing everything down to max − 12 (|Δ| ≤ ~4.9σ).
        Assert.True(refined.OmegaMValues[^1] - refined.OmegaMValues[0] < 0.3 * (0.45 - 0.15));
        Assert.InRange(refined.OmegaMValues[0], 0.15, 0.31 - (4.8 * 0.004));
        Assert.InRange(refined.OmegaMValues[^1], 0.31 + (4.8 * 0.004), 0.45);
        Assert.InRange(refined.Sigma8Values[0], 0.6, 0.81 - (4.8 * 0.004));
        Assert.InRange(refined.Sigma8Values[^1], 0.81 + (4.8 * 0.004), 1.1);

        // On the zoom the 95 % region is resolved, so it is not zoomed again.
        var zoomed = Gaussian(refined, 0.004, 0.004);
        Assert.Null(GridRefinement.Refine(zoomed, Level95(zoomed)));
        Assert.True(GridRefinement.CanReuse(refined, refined));
        Assert.False(GridRefinement.CanReuse(refined, Coarse));
    }
}
