using MathNet.Numerics;

namespace StreamProcessor.Abundance.Selection;

/// <summary>
/// A mass–observable relation measured on simulations: at each (log₁₀ M_true, z) node the residuals
/// r = log₁₀ M_obs − log₁₀ M_true of the selected clusters, smoothed with a Gaussian kernel of width h (a kernel
/// density estimate, so no shape is assumed: the CNN's pull toward its prior below the training range and the
/// projection-dominated detections of small haloes are kept as they are). Between nodes the distributions are mixed
/// with bilinear weights (nodes without selected clusters carry no weight); outside the grid the edge nodes are used.
/// Calibrating the observable's distribution conditioned on selection is what a survey does with its simulations
/// (e.g. the projection-effects calibration of Costanzi et al. 2019, arXiv:1807.07072).
/// </summary>
/// <param name="Log10Masses">Ascending true log₁₀(M / h⁻¹ M☉) nodes (≥ 2).</param>
/// <param name="Redshifts">Ascending redshift nodes (≥ 2).</param>
/// <param name="Residuals">Residuals per node, mass-major: Residuals[massIndex * Redshifts.Count + redshiftIndex]; may be empty.</param>
/// <param name="SmoothingDex">Kernel width h, dex (adds h² to the variance).</param>
public sealed record EmpiricalMassObservable(
    IReadOnlyList<double> Log10Masses,
    IReadOnlyList<double> Redshifts,
    IReadOnlyList<IReadOnlyList<double>> Residuals,
    double SmoothingDex) : MassObservableModel
{
    // The cumulative distribution of each node is tabulated once on this residual grid and interpolated linearly.
    private const double GridMinDex = -4.0;
    private const double GridMaxDex = 4.0;
    private const double GridStepDex = 0.005;

    private readonly Lazy<double[]?[]> _cdf = new(() => BuildCdfs(Residuals, SmoothingDex), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The typical width: the rms over all selected clusters of their residual about their node's mean (kernel
    /// included), clamped to [0.05, 0.2] dex so that ±6 widths stay inside the σ(M) table. Residuals far beyond ±6 widths
    /// from true masses outside the observed-mass edges are not integrated: a relation with such tails (projection-
    /// dominated detections of small haloes) needs a completeness floor at the lowest edge, as the science survey has.
    /// </summary>
    public override double QuadratureScatterDex
    {
        get
        {
            double sum = 0;
            int n = 0;
            foreach (IReadOnlyList<double> node in Residuals)
            {
                if (node.Count == 0) continue;
                double mean = node.Average();
                foreach (double r in node)
                {
                    sum += (r - mean) * (r - mean);
                    n++;
                }
            }

            return Math.Clamp(Math.Sqrt((sum / n) + (SmoothingDex * SmoothingDex)), 0.05, 0.2);
        }
    }

    /// <inheritdoc />
    public override double BinProbability(double log10TrueMass, double redshift, double log10ObservedMin, double log10ObservedMax)
    {
        double[]?[] cdf = _cdf.Value;
        (int i, double tm) = TableAxis.Locate(Log10Masses, log10TrueMass);
        (int j, double tz) = TableAxis.Locate(Redshifts, redshift);
        int nz = Redshifts.Count;
        double lo = log10ObservedMin - log10TrueMass;
        double hi = log10ObservedMax - log10TrueMass;
        double probability = 0;
        double weight = 0;
        Add(cdf[(i * nz) + j], (1 - tm) * (1 - tz));
        Add(cdf[(i * nz) + j + 1], (1 - tm) * tz);
        Add(cdf[((i + 1) * nz) + j], tm * (1 - tz));
        Add(cdf[((i + 1) * nz) + j + 1], tm * tz);
        return weight > 0 ? Math.Clamp(probability / weight, 0.0, 1.0) : 0.0;

        void Add(double[]? nodeCdf, double w)
        {
            if (nodeCdf is null || w <= 0) return;
            probability += w * (Cumulative(nodeCdf, hi) - Cumulative(nodeCdf, lo));
            weight += w;
        }
    }

    /// <inheritdoc />
    public override MassObservableModel Validated()
    {
        ArgumentNullException.ThrowIfNull(Log10Masses);
        ArgumentNullException.ThrowIfNull(Redshifts);
        ArgumentNullException.ThrowIfNull(Residuals);
        TableAxis.Check(Log10Masses, nameof(Log10Masses));
        TableAxis.Check(Redshifts, nameof(Redshifts));
        if (Residuals.Count != Log10Masses.Count * Redshifts.Count)
            throw new ArgumentException($"Expected {Log10Masses.Count} × {Redshifts.Count} residual lists, got {Residuals.Count}.", nameof(Residuals));
        if (!(SmoothingDex > 0 && SmoothingDex <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(SmoothingDex), SmoothingDex, "The kernel width must lie in (0, 0.5] dex.");
        foreach (IReadOnlyList<double> node in Residuals)
        {
            ArgumentNullException.ThrowIfNull(node, nameof(Residuals));
            foreach (double r in node)
            {
                if (!(r > GridMinDex + 0.5 && r < GridMaxDex - 0.5))
                    throw new ArgumentOutOfRangeException(nameof(Residuals), r, $"Residuals must lie in ({GridMinDex + 0.5}, {GridMaxDex - 0.5}) dex.");
            }
        }

        if (Residuals.All(n => n.Count == 0)) throw new ArgumentException("No node has any residual.", nameof(Residuals));
        return this;
    }

    /// <summary>Per node: Φ-kernel CDF on the residual grid, F(x) = (1/n) Σ Φ((x − r_k) / h); null for an empty node.</summary>
    private static double[]?[] BuildCdfs(IReadOnlyList<IReadOnlyList<double>> residuals, double smoothingDex)
    {
        int points = (int)Math.Round((GridMaxDex - GridMinDex) / GridStepDex) + 1;
        var cdfs = new double[]?[residuals.Count];
        double scale = Math.Sqrt(2.0) * smoothingDex;
        for (int node = 0; node < residuals.Count; node++)
        {
            IReadOnlyList<double> r = residuals[node];
            if (r.Count == 0) continue;
            var cdf = new double[points];
            for (int g = 0; g < points; g++)
            {
                double x = GridMinDex + (g * GridStepDex);
                double sum = 0;
                foreach (double rk in r) sum += 0.5 * SpecialFunctions.Erfc(-(x - rk) / scale);
                cdf[g] = sum / r.Count;
            }

            cdfs[node] = cdf;
        }

        return cdfs;
    }

    private static double Cumulative(double[] cdf, double x)
    {
        double position = (x - GridMinDex) / GridStepDex;
        if (!(position > 0)) return 0.0;
        if (position >= cdf.Length - 1) return 1.0;
        int g = (int)position;
        double t = position - g;
        return ((1 - t) * cdf[g]) + (t * cdf[g + 1]);
    }
}
