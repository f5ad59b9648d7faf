using StreamProcessor.Cosmology.Surveys;

namespace StreamProcessor.Cosmology.Inference;

/// <summary>
/// Cosmology from cluster counts on an (Ω_m, σ₈) grid: Poisson ln L of observed binned counts against
/// <see cref="SurveyExpectation"/> at every grid point, with posterior moments of Ω_m, σ₈ and S₈.
/// The expected counts of the whole grid are built once (lazily, thread-safe; one σ(M) table per Ω_m, every σ₈
/// by scaling) and kept, so evaluating new observed counts costs only the Poisson sums.
/// </summary>
public sealed class ClusterCountGridLikelihood
{
    /// <summary>S₈ pivot: S₈ = σ₈ (Ω_m / 0.3)^0.5.</summary>
    public const double S8PivotOmegaM = 0.3;

    private readonly Lazy<double[][][,]> _expected;

    /// <summary>Prepares the grid; the expected counts are computed on first use.</summary>
    public ClusterCountGridLikelihood(SurveyExpectation expectation, CosmologyGrid grid)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(grid);
        Expectation = expectation;
        Grid = grid.Validated();
        CheckMassFunctionCalibration(expectation.Survey, Grid);
        _expected = new Lazy<double[][][,]>(BuildExpectedCounts, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The survey forward model.</summary>
    public SurveyExpectation Expectation { get; }

    /// <summary>The grid.</summary>
    public CosmologyGrid Grid { get; }

    /// <summary>Whether the expected counts of the grid have been built.</summary>
    public bool IsWarm => _expected.IsValueCreated;

    /// <summary>Builds the expected counts now (otherwise the first <see cref="Evaluate"/> does).</summary>
    public void Warm() => _ = _expected.Value;

    /// <summary>A copy of the expected counts N[massBin, redshiftBin] at grid point (i, j).</summary>
    public double[,] ExpectedCounts(int omegaMIndex, int sigma8Index) => (double[,])_expected.Value[omegaMIndex][sigma8Index].Clone();

    /// <summary>ln L on the grid and the posterior summaries for <paramref name="observedCounts"/> [massBin, redshiftBin].</summary>
    public GridPosterior Evaluate(double[,] observedCounts)
    {
        ArgumentNullException.ThrowIfNull(observedCounts);
        double[][][,] expected = _expected.Value;
        PoissonLikelihood.CheckShapes(observedCounts, expected[0][0]);

        int nOmegaM = Grid.OmegaMValues.Count;
        int nSigma8 = Grid.Sigma8Values.Count;
        int rows = observedCounts.GetLength(0);
        int columns = observedCounts.GetLength(1);

        // Σ ln Γ(n+1) is the same at every grid point; computed once and included so that ln L is the full Poisson value.
        double logFactorials = 0.0;
        foreach (double n in observedCounts) logFactorials += MathNet.Numerics.SpecialFunctions.GammaLn(n + 1.0);

        var logLikelihood = new double[nOmegaM, nSigma8];
        int bestI = 0;
        int bestJ = 0;
        for (int i = 0; i < nOmegaM; i++)
        {
            for (int j = 0; j < nSigma8; j++)
            {
                double[,] mu = expected[i][j];
                double sum = -logFactorials;
                for (int a = 0; a < rows; a++)
                {
                    for (int b = 0; b < columns; b++) sum += PoissonLikelihood.Term(observedCounts[a, b], mu[a, b]);
                }

                logLikelihood[i, j] = sum;
                if (sum > logLikelihood[bestI, bestJ]) (bestI, bestJ) = (i, j);
            }
        }

        double maxLogLikelihood = logLikelihood[bestI, bestJ];
        if (double.IsNegativeInfinity(maxLogLikelihood))
            throw new InvalidOperationException("Every grid point predicts zero clusters in a bin that has some: check the completeness and the binning.");

        double[] omegaMWeights = TrapezoidWeights(Grid.OmegaMValues);
        double[] sigma8Weights = TrapezoidWeights(Grid.Sigma8Values);
        double total = 0, omegaM1 = 0, omegaM2 = 0, sigma81 = 0, sigma82 = 0, s81 = 0, s82 = 0;
        for (int i = 0; i < nOmegaM; i++)
        {
            double omegaM = Grid.OmegaMValues[i];
            double s8Factor = Math.Sqrt(omegaM / S8PivotOmegaM);
            for (int j = 0; j < nSigma8; j++)
            {
                double sigma8 = Grid.Sigma8Values[j];
                double w = omegaMWeights[i] * sigma8Weights[j] * Math.Exp(logLikelihood[i, j] - maxLogLikelihood);
                double s8 = sigma8 * s8Factor;
                total += w;
                omegaM1 += w * omegaM;
                omegaM2 += w * omegaM * omegaM;
                sigma81 += w * sigma8;
                sigma82 += w * sigma8 * sigma8;
                s81 += w * s8;
                s82 += w * s8 * s8;
            }
        }

        return new GridPosterior(
            Grid,
            logLikelihood,
            Summary(omegaM1, omegaM2, total),
            Summary(sigma81, sigma82, total),
            Summary(s81, s82, total),
            bestI,
            bestJ);
    }

    private double[][][,] BuildExpectedCounts()
    {
        var cube = new double[Grid.OmegaMValues.Count][][,];
        Parallel.For(0, Grid.OmegaMValues.Count, i =>
        {
            FlatLcdm shape = Grid.At(i, 0);
            cube[i] = [.. Expectation.ExpectedCounts(shape, Grid.Sigma8Values)];
        });
        return cube;
    }

    /// <summary>
    /// Fails now, not inside the lazy build, when some grid point needs Tinker+08 outside Δ_m = 200–3200
    /// (e.g. 500c at low Ω_m). Δ_m = Δ/Ω_m(z) is monotonic in Ω_m and z, so the corners of the grid suffice.
    /// </summary>
    private static void CheckMassFunctionCalibration(SurveyDefinition survey, CosmologyGrid grid)
    {
        foreach (int i in new[] { 0, grid.OmegaMValues.Count - 1 })
        {
            foreach (double z in new[] { survey.RedshiftEdges[0], survey.RedshiftEdges[^1] })
            {
                _ = MassFunction.Tinker08.Parameters(survey.MassDefinition.DeltaMean(z, grid.At(i, 0)), z);
            }
        }
    }

    private static ParameterSummary Summary(double first, double second, double total)
    {
        double mean = first / total;
        double variance = Math.Max(0.0, (second / total) - (mean * mean));
        return new ParameterSummary(mean, Math.Sqrt(variance));
    }

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
}
