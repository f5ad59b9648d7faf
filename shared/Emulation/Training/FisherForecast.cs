using MathNet.Numerics.LinearAlgebra;

namespace StreamProcessor.Emulation.Training;

/// <summary>
/// What emulated stacks can tell about the 28 parameters, before any network is trained: at Sobol points of the
/// prior, the Jacobian J of the emulated log10 profiles (every kind and radius) with respect to the parameters (unit
/// cube, mass held fixed because the network is given it), its numerical rank, and a Fisher forecast of the
/// correlation a perfect estimator would reach. With Gaussian errors of a fraction e on every profile value
/// (σ = e / ln 10 in log10) and a Gaussian prior of the uniform prior's variance (1/12), the posterior covariance is
/// (JᵀJ/σ² + 12 I)⁻¹ (Fisher 1935; the prior term as in van Trees 1968, ch. 2.4); averaged over the points, the
/// posterior mean's R² is 1 − 12 E[σᵢ²], so the forecast r is √(1 − 12 E[σᵢ²]). A PCA emulator with k components in
/// all has rank J ≤ k (Compton-y moves only with n_gas and T_gas), so with fewer components than parameters some
/// directions of parameter space leave every emulated profile unchanged, and no network can recover them.
/// </summary>
public static class FisherForecast
{
    /// <summary>Singular values below this fraction of the largest count as zero (central differences are good to ~1e-7).</summary>
    public const double RankTolerance = 1e-5;

    /// <summary>
    /// The forecast at the first <paramref name="points"/> Sobol points (the origin skipped: it is a corner) of the prior,
    /// log10 mass in [<paramref name="log10MassMin"/>, <paramref name="log10MassMax"/>], for each fractional error.
    /// </summary>
    public static FisherForecastReport Run(
        ProfileEmulator emulator, int points, double log10MassMin, double log10MassMax, IReadOnlyList<double> fractionalErrors, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(fractionalErrors);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        if (fractionalErrors.Count == 0 || fractionalErrors.Any(e => !(e > 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(fractionalErrors), "Give at least one fractional error, each above zero.");
        }

        var unit = EmulatedStacks.Generate(emulator, points + 1, log10MassMin, log10MassMax).UnitPoints[1..];
        var jacobians = new Matrix<double>[points];
        Parallel.For(0, points, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => jacobians[i] = Jacobian(emulator, unit[i], step));

        int[] ranks = [.. jacobians.Select(NumericalRank)];
        var forecasts = fractionalErrors.Select(error => new ErrorForecast(error, ForecastR(jacobians, error))).ToArray();

        return new FisherForecastReport(points, jacobians[0].RowCount, emulator.Model.Kinds.Sum(k => k.CoefficientMean.Length),
            Median(ranks), ranks.Min(), ranks.Max(), [.. emulator.Model.Parameters.Select(p => p.Name)], forecasts);
    }

    /// <summary>
    /// Forecast r of every parameter from Jacobians of log10 values at points of the prior, each value with a
    /// fractional error <paramref name="fractionalError"/>: √(1 − 12 E[(JᵀJ/σ² + 12 I)⁻¹ᵢᵢ]).
    /// </summary>
    internal static double[] ForecastR(IReadOnlyList<Matrix<double>> jacobians, double fractionalError)
    {
        int parameters = jacobians[0].ColumnCount;
        double sigmaLog10 = fractionalError / Math.Log(10);
        var identity = Matrix<double>.Build.DenseIdentity(parameters);
        var meanVariance = new double[parameters];
        foreach (var j in jacobians)
        {
            var precision = (j.TransposeThisAndMultiply(j) / (sigmaLog10 * sigmaLog10)) + (identity * 12.0);
            var covariance = precision.Cholesky().Solve(identity);
            for (int p = 0; p < parameters; p++)
            {
                meanVariance[p] += covariance[p, p] / jacobians.Count;
            }
        }

        return [.. meanVariance.Select(v => Math.Sqrt(Math.Max(0.0, 1.0 - (12.0 * v))))];
    }

    /// <summary>Central-difference Jacobian of every emulated log10 profile value by every parameter (mass excluded).</summary>
    internal static Matrix<double> Jacobian(ProfileEmulator emulator, double[] unitPoint, double step)
    {
        int parameters = emulator.Model.Parameters.Count;
        int outputs = ProfileEmulator.AllKinds.Count * emulator.Bins;
        var jacobian = Matrix<double>.Build.Dense(outputs, parameters);
        var shifted = (double[])unitPoint.Clone();
        var up = new double[outputs];
        var down = new double[outputs];
        for (int p = 0; p < parameters; p++)
        {
            shifted[p] = unitPoint[p] + step;
            emulator.PredictLog10(shifted, up);
            shifted[p] = unitPoint[p] - step;
            emulator.PredictLog10(shifted, down);
            shifted[p] = unitPoint[p];
            for (int o = 0; o < outputs; o++)
            {
                jacobian[o, p] = (up[o] - down[o]) / (2 * step);
            }
        }

        return jacobian;
    }

    internal static int NumericalRank(Matrix<double> jacobian)
    {
        var singular = jacobian.Svd(computeVectors: false).S;
        double largest = singular.Maximum();
        return largest > 0 ? singular.Count(s => s > RankTolerance * largest) : 0;
    }

    private static int Median(int[] values)
    {
        int[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}

/// <summary>Result of <see cref="FisherForecast.Run"/>, stored in the emulator's card.</summary>
/// <param name="Points">Sobol points of the prior averaged over.</param>
/// <param name="Outputs">Emulated values per point (kinds × radii) the Jacobian spans.</param>
/// <param name="Components">Principal components of the emulator, all kinds together (the bound on the rank).</param>
/// <param name="MedianRank">Median numerical rank of the Jacobian over the points (at most the parameter count).</param>
/// <param name="MinRank">Smallest rank over the points.</param>
/// <param name="MaxRank">Largest rank over the points.</param>
/// <param name="ParameterNames">The parameters, in the emulator's order.</param>
/// <param name="Forecasts">Per fractional error, the forecast r of every parameter.</param>
public sealed record FisherForecastReport(
    int Points, int Outputs, int Components, int MedianRank, int MinRank, int MaxRank, IReadOnlyList<string> ParameterNames, IReadOnlyList<ErrorForecast> Forecasts);

/// <summary>Forecast correlation of every parameter when each profile value carries <paramref name="FractionalError"/>.</summary>
public sealed record ErrorForecast(double FractionalError, IReadOnlyList<double> R);
