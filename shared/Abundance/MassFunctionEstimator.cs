using System.Reflection;
using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Inference;
using StreamProcessor.Cosmology.Surveys;

namespace StreamProcessor.Abundance;

/// <summary>
/// Turns the accepted clusters of one survey into a <see cref="MassFunctionSnapshot"/>. Counts are binned by
/// posterior mean. The ΛCDM prediction is the binned-counts forward model of <see cref="SurveyExpectation"/>
/// (Lima &amp; Hu 2005, arXiv:astro-ph/0503363): Tinker+08 abundance × completeness × log-normal mass scatter, which
/// puts the Eddington bias (Eddington 1913, MNRAS 73, 359) into the prediction instead of removing it from the data.
/// </summary>
/// <remarks>
/// Scatter of the forward model: one σ for the whole survey, the root-mean-square of the posterior σ of the binned
/// clusters. For a mass function locally ∝ M^−β the Gaussian convolution boosts counts by exp[(β ln 10 σ)² / 2]
/// (a Gaussian integral), so the bias depends on σ² and the rms is the single value that gets its leading order
/// right for a mixture of σ, where the median is not. The rms is rounded to <see cref="SurveyConfiguration.ScatterQuantumDex"/>
/// and the grid of expected counts is cached per rounded value: a warm snapshot costs only binning, sampling and
/// the Poisson sums; a new scatter value costs one rebuild of the grid (σ(M) tables stay cached in Cosmology).
/// With a calibrated <see cref="SurveyConfiguration.MassObservable"/> the forward model takes the observed-mass
/// distribution from it instead (biased and mass-dependent where the simulations say so), and one theory is cached.
/// </remarks>
public sealed class MassFunctionEstimator
{
    // Scatter values kept warm at once; the rms settles as data accumulate, so a handful is plenty.
    private const int MaxCachedScatters = 4;

    private static readonly string CodeVersion =
        typeof(MassFunctionEstimator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly Lock _gate = new();
    private readonly List<(double ScatterDex, ScatterTheory Theory)> _byScatter = [];
    private readonly Lazy<FixedTheory> _fixed;

    // The zoomed grid of the last fit that needed one (see GridRefinement), kept while it still covers the posterior.
    private (ClusterCountGridLikelihood Coarse, ClusterCountGridLikelihood Fine)? _refined;

    /// <summary>Prepares the estimator; theory is built on first use.</summary>
    public MassFunctionEstimator(SurveyConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration.Validated();
        FitFirstMassBin = configuration.FitFirstMassBin();
        _fixed = new Lazy<FixedTheory>(BuildFixedTheory, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The survey.</summary>
    public SurveyConfiguration Configuration { get; }

    /// <summary>Index of the first mass bin of the cosmology fit (the completeness limit).</summary>
    public int FitFirstMassBin { get; }

    /// <summary>The scatter the forward model would use for posterior widths whose rms is <paramref name="rmsSigmaDex"/>.</summary>
    public double QuantizedScatterDex(double rmsSigmaDex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rmsSigmaDex);
        double q = Configuration.ScatterQuantumDex;
        return Math.Min(1.0, Math.Round(rmsSigmaDex / q) * q);
    }

    /// <summary>Builds (and caches) the theory and the whole fit grid for a forward-model scatter of about <paramref name="scatterDex"/>.</summary>
    public void Warm(double scatterDex)
    {
        lock (_gate)
        {
            _ = _fixed.Value;
            TheoryFor(Configuration.MassObservable is { } relation ? relation.QuadratureScatterDex : QuantizedScatterDex(scatterDex)).Fit.Warm();
        }
    }

    /// <summary>The snapshot of <paramref name="clusters"/> (the newest accepted posterior of each cluster).</summary>
    public MassFunctionSnapshot Estimate(IReadOnlyList<ClusterMass> clusters, SurveyCounters counters, DateTimeOffset computedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(counters);
        lock (_gate)
        {
            return EstimateLocked(clusters, counters, computedAtUtc);
        }
    }

    private MassFunctionSnapshot EstimateLocked(IReadOnlyList<ClusterMass> clusters, SurveyCounters counters, DateTimeOffset computedAtUtc)
    {
        SurveyConfiguration c = Configuration;
        IReadOnlyList<double> massEdges = c.Log10MassEdges;
        IReadOnlyList<double> zEdges = c.RedshiftEdges;
        int nm = massEdges.Count - 1;
        int nz = zEdges.Count - 1;

        var observed = new int[nm, nz];
        var trueCounts = new int[nm, nz];
        var sigmas = new List<double>();
        int inRedshiftRange = 0;
        foreach (ClusterMass cluster in clusters)
        {
            int j = Bins.Find(zEdges, cluster.Redshift);
            if (j < 0) continue;
            inRedshiftRange++;
            int i = Bins.Find(massEdges, cluster.Log10MassMean);
            if (i >= 0)
            {
                observed[i, j]++;
                sigmas.Add(cluster.Log10MassSigmaDex);
            }

            if (!double.IsNaN(cluster.TrueLog10Mass) && Bins.Find(massEdges, cluster.TrueLog10Mass) is >= 0 and var t) trueCounts[t, j]++;
        }

        double rms = sigmas.Count == 0 ? 0.0 : Math.Sqrt(sigmas.Sum(s => s * s) / sigmas.Count);
        double median = sigmas.Count == 0 ? double.NaN : Median(sigmas);
        // A calibrated relation fixes the forward model's scatter (one cached theory); else the rms posterior σ.
        double scatter = c.MassObservable is { } relation ? relation.QuadratureScatterDex : QuantizedScatterDex(rms);

        FixedTheory fixedTheory = _fixed.Value;
        ScatterTheory theory = TheoryFor(scatter);
        SampledCounts sampled = PosteriorMassSampling.Sample(clusters, massEdges, zEdges, c.MassSamplingDraws, c.SamplingSeed);

        var redshiftBins = new RedshiftBinMassFunction[nz];
        for (int j = 0; j < nz; j++)
        {
            double volume = fixedTheory.VolumesMpc3OverH3[j];
            var counts = new int[nm];
            var truth = new int[nm];
            var density = new double[nm];
            var poisson = new double[nm];
            var sampling = new double[nm];
            var total = new double[nm];
            var predicted = new double[nm];
            var predictedDensity = new double[nm];
            var scatterFree = new double[nm];
            var plain = new double[nm];
            var ratio = new double[nm];
            var ratioSigma = new double[nm];
            for (int i = 0; i < nm; i++)
            {
                double perDensity = 1.0 / (volume * (massEdges[i + 1] - massEdges[i]));
                counts[i] = observed[i, j];
                truth[i] = trueCounts[i, j];
                density[i] = counts[i] * perDensity;
                poisson[i] = Math.Sqrt(counts[i]) * perDensity;
                sampling[i] = sampled.StandardDeviation[i, j] * perDensity;
                total[i] = Math.Sqrt((poisson[i] * poisson[i]) + (sampling[i] * sampling[i]));
                predicted[i] = theory.PredictedCounts[i, j];
                predictedDensity[i] = predicted[i] * perDensity;
                scatterFree[i] = fixedTheory.ScatterFreeCounts[i, j] * perDensity;
                plain[i] = fixedTheory.PlainDnDlog10M[i, j];
                ratio[i] = predicted[i] > 0 ? counts[i] / predicted[i] : double.NaN;
                ratioSigma[i] = predicted[i] > 0 ? total[i] / predictedDensity[i] : double.NaN;
            }

            redshiftBins[j] = new RedshiftBinMassFunction(
                zEdges[j], zEdges[j + 1], volume, counts, truth, density, poisson, sampling, total, predicted, predictedDensity, scatterFree, plain, ratio, ratioSigma);
        }

        CosmologyConstraint? cosmology = inRedshiftRange > 0 ? Fit(theory.Fit, observed) : null;
        return new MassFunctionSnapshot(
            c.Name,
            CodeVersion,
            computedAtUtc,
            counters,
            inRedshiftRange,
            sigmas.Count,
            c.SkyAreaDeg2,
            c.MassDefinition.ToString(),
            [.. massEdges],
            massEdges[FitFirstMassBin],
            scatter,
            median,
            c.MassSamplingDraws,
            c.SamplingSeed,
            c.BaseCosmology,
            redshiftBins,
            cosmology);
    }

    private CosmologyConstraint Fit(ClusterCountGridLikelihood likelihood, int[,] observed)
    {
        int nm = observed.GetLength(0);
        int nz = observed.GetLength(1);
        var fitCounts = new double[nm - FitFirstMassBin, nz];
        int fitClusters = 0;
        for (int i = FitFirstMassBin; i < nm; i++)
        {
            for (int j = 0; j < nz; j++)
            {
                fitCounts[i - FitFirstMassBin, j] = observed[i, j];
                fitClusters += observed[i, j];
            }
        }

        GridPosterior posterior = likelihood.Evaluate(fitCounts);
        if (GridRefinement.Refine(posterior, Level95(posterior)) is { } refined)
        {
            posterior = RefinedLikelihood(likelihood, refined).Evaluate(fitCounts);
        }

        CosmologyGrid grid = posterior.Grid;
        var (flat, weights) = Flatten(posterior);

        return new CosmologyConstraint(
            posterior.OmegaM,
            posterior.Sigma8,
            posterior.S8,
            posterior.BestOmegaM,
            posterior.BestSigma8,
            posterior.MaxLogLikelihood,
            [.. grid.OmegaMValues],
            [.. grid.Sigma8Values],
            flat,
            CredibleRegion.LogLikelihoodLevel(flat, weights, 0.68),
            CredibleRegion.LogLikelihoodLevel(flat, weights, 0.95),
            Configuration.Log10MassEdges[FitFirstMassBin],
            fitClusters);
    }

    /// <summary>ln L flattened row-major (Ω_m major) and each point's flat-prior cell weight (trapezoid rule).</summary>
    private static (double[] LogLikelihood, double[] Weights) Flatten(GridPosterior posterior)
    {
        CosmologyGrid grid = posterior.Grid;
        int nOmegaM = grid.OmegaMValues.Count;
        int nSigma8 = grid.Sigma8Values.Count;
        var flat = new double[nOmegaM * nSigma8];
        var weights = new double[nOmegaM * nSigma8];
        double[] omegaMWeights = TrapezoidWeights(grid.OmegaMValues);
        double[] sigma8Weights = TrapezoidWeights(grid.Sigma8Values);
        for (int i = 0; i < nOmegaM; i++)
        {
            for (int j = 0; j < nSigma8; j++)
            {
                flat[(i * nSigma8) + j] = posterior.LogLikelihood[i, j];
                weights[(i * nSigma8) + j] = omegaMWeights[i] * sigma8Weights[j];
            }
        }

        return (flat, weights);
    }

    /// <summary>The 95 % highest-density ln L level of a grid posterior (flat prior, trapezoid cell weights).</summary>
    private static double Level95(GridPosterior posterior)
    {
        var (flat, weights) = Flatten(posterior);
        return CredibleRegion.LogLikelihoodLevel(flat, weights, 0.95);
    }

    /// <summary>A likelihood on <paramref name="refined"/>: the last one when it still covers it (its expected counts are warm).</summary>
    private ClusterCountGridLikelihood RefinedLikelihood(ClusterCountGridLikelihood coarse, CosmologyGrid refined)
    {
        if (_refined is { } cached && ReferenceEquals(cached.Coarse, coarse) && GridRefinement.CanReuse(cached.Fine.Grid, refined)) return cached.Fine;
        var fine = new ClusterCountGridLikelihood(coarse.Expectation, refined);
        _refined = (coarse, fine);
        return fine;
    }

    private ScatterTheory TheoryFor(double scatterDex)
    {
        foreach ((double s, ScatterTheory t) in _byScatter)
        {
            if (s == scatterDex) return t;
        }

        SurveyConfiguration c = Configuration;
        var display = new SurveyExpectation(c.Definition(scatterDex), c.Quadrature);
        SurveyDefinition fitDefinition = c.Definition(scatterDex) with { Log10MassEdges = [.. c.Log10MassEdges.Skip(FitFirstMassBin)] };
        var theory = new ScatterTheory(
            display.ExpectedCounts(c.BaseCosmology),
            new ClusterCountGridLikelihood(new SurveyExpectation(fitDefinition, c.Quadrature), c.Grid()));
        if (_byScatter.Count >= MaxCachedScatters) _byScatter.RemoveAt(0);
        _byScatter.Add((scatterDex, theory));
        return theory;
    }

    private FixedTheory BuildFixedTheory()
    {
        SurveyConfiguration c = Configuration;
        var scatterFree = new SurveyExpectation(c.Definition(0.0), c.Quadrature);
        int nm = c.Log10MassEdges.Count - 1;
        int nz = c.RedshiftEdges.Count - 1;
        var volumes = new double[nz];
        var plain = new double[nm, nz];
        for (int j = 0; j < nz; j++)
        {
            volumes[j] = scatterFree.ComovingVolumeMpc3OverH3(c.BaseCosmology, j);
            for (int i = 0; i < nm; i++)
            {
                double centre = 0.5 * (c.Log10MassEdges[i] + c.Log10MassEdges[i + 1]);
                plain[i, j] = scatterFree.VolumeAveragedDnDlog10MH3PerMpc3(c.BaseCosmology, Math.Pow(10.0, centre), j);
            }
        }

        return new FixedTheory(volumes, scatterFree.ExpectedCounts(c.BaseCosmology), plain);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[(n / 2) - 1] + values[n / 2]);
    }

    // Same weights as GridPosterior's moments, so the credible levels and the moments describe one posterior.
    private static double[] TrapezoidWeights(IReadOnlyList<double> axis)
    {
        var weights = new double[axis.Count];
        for (int i = 0; i + 1 < axis.Count; i++)
        {
            double half = 0.5 * (axis[i + 1] - axis[i]);
            weights[i] += half;
            weights[i + 1] += half;
        }

        return weights;
    }

    private sealed record ScatterTheory(double[,] PredictedCounts, ClusterCountGridLikelihood Fit);

    private sealed record FixedTheory(double[] VolumesMpc3OverH3, double[,] ScatterFreeCounts, double[,] PlainDnDlog10M);
}
