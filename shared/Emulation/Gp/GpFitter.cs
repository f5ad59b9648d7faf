using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace StreamProcessor.Emulation.Gp;

/// <summary>
/// Type-II maximum likelihood of the hyper-parameters: minimises the negative log marginal likelihood, summed over
/// the outputs that share the kernel, plus a weak log-normal prior on each length scale (ln l ~ N(0, 2^2), which
/// keeps the length scales of irrelevant inputs finite), by L-BFGS with analytic gradients
/// (Rasmussen &amp; Williams 2006, eq. 5.9: dL/dtheta = 1/2 tr((alpha alpha^T - K^-1) dK/dtheta)).
/// </summary>
public static class GpFitter
{
    private const double NoiseFloor = 1e-6;
    private const double LengthScalePriorWidth = 2.0;

    /// <summary>Fitted hyper-parameters and the value of the objective there.</summary>
    public sealed record Result(GpHyperparameters Hyperparameters, double NegativeLogLikelihood, int Evaluations);

    /// <summary>
    /// Fits ARD length scales, signal and noise variance, and (when <paramref name="carpool"/>) the pair correlation
    /// rho; a plain GP keeps rho = 0. At most <paramref name="maxIterations"/> L-BFGS iterations; the best point
    /// seen is returned even when the line search gives up.
    /// </summary>
    public static Result Fit(double[][] inputs, double[][] outputs, int[] partner, bool carpool, int maxIterations = 80)
    {
        int dimensions = inputs[0].Length;
        var start = Vector<double>.Build.Dense(dimensions + (carpool ? 3 : 2));
        start[dimensions] = 0;                 // ln s^2
        start[dimensions + 1] = Math.Log(0.1); // ln (sigma_n^2 - floor)
        if (carpool)
        {
            start[dimensions + 2] = Math.Atanh(0.3);
        }

        double bestValue = double.PositiveInfinity;
        Vector<double> best = start;
        int evaluations = 0;
        var objective = ObjectiveFunction.Gradient(theta =>
        {
            evaluations++;
            var (value, gradient) = Evaluate(inputs, outputs, partner, theta, carpool);
            if (value < bestValue)
            {
                bestValue = value;
                best = theta.Clone();
            }

            return (value, gradient);
        });
        try
        {
            new LimitedMemoryBfgsMinimizer(1e-4, 1e-6, 1e-8, 7, maxIterations).FindMinimum(objective, start);
        }
        catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or OptimizationException)
        {
            // The best point seen is kept: L-BFGS stopping early is not a failed fit.
        }

        return new Result(Unpack(best, dimensions, carpool), bestValue, evaluations);
    }

    /// <summary>Hyper-parameters from the unconstrained vector (ln l, ln s^2, ln(sigma_n^2 - floor), atanh rho).</summary>
    public static GpHyperparameters Unpack(Vector<double> theta, int dimensions, bool carpool) => new(
        [.. Enumerable.Range(0, dimensions).Select(d => Math.Exp(theta[d]))],
        Math.Exp(theta[dimensions]),
        NoiseFloor + Math.Exp(theta[dimensions + 1]),
        carpool ? Math.Tanh(theta[dimensions + 2]) : 0);

    /// <summary>Objective and gradient at <paramref name="theta"/>; +infinity when K_y is not positive definite.</summary>
    internal static (double Value, Vector<double> Gradient) Evaluate(double[][] inputs, double[][] outputs, int[] partner, Vector<double> theta, bool carpool)
    {
        int n = inputs.Length;
        int dimensions = inputs[0].Length;
        var h = Unpack(theta, dimensions, carpool);
        var gradient = Vector<double>.Build.Dense(theta.Count);
        var covariance = GaussianProcess.Covariance(inputs, partner, h);
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;
        try
        {
            cholesky = covariance.Cholesky();
        }
        catch (ArgumentException)
        {
            return (double.PositiveInfinity, gradient);
        }

        // W = sum_c alpha_c alpha_c^T - C K_y^-1; the gradient needs the entries of K_y^-1, taken from the
        // Cholesky factor (R&W Algorithm 5.1). Prediction never uses it.
        var inverse = InverseFromFactor(cholesky.Factor);
        double value = outputs.Length * ((0.5 * n * Math.Log(2 * Math.PI)) + (0.5 * cholesky.DeterminantLn));
        var w = Matrix<double>.Build.Dense(n, n, (i, j) => -outputs.Length * inverse[Math.Max(i, j)][Math.Min(i, j)]);
        foreach (var y in outputs)
        {
            var alpha = cholesky.Solve(Vector<double>.Build.DenseOfArray(y));
            value += 0.5 * alpha.DotProduct(Vector<double>.Build.DenseOfArray(y));
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    w[i, j] += alpha[i] * alpha[j];
                }
            }
        }

        double[] inverseLengthSquared = [.. h.LengthScales.Select(l => 1 / (l * l))];
        var lengthTerms = new double[dimensions];
        double signalTerm = 0;
        double noiseTerm = 0;
        double pairTerm = 0;
        for (int i = 0; i < n; i++)
        {
            noiseTerm += w[i, i];
            signalTerm += w[i, i] * h.SignalVariance;
            for (int j = 0; j < i; j++)
            {
                double sum = 0;
                for (int d = 0; d < dimensions; d++)
                {
                    double delta = inputs[i][d] - inputs[j][d];
                    sum += delta * delta * inverseLengthSquared[d];
                }

                double kw = 2 * w[i, j] * h.SignalVariance * Math.Exp(-0.5 * sum);
                signalTerm += kw;
                for (int d = 0; d < dimensions; d++)
                {
                    double delta = inputs[i][d] - inputs[j][d];
                    lengthTerms[d] += kw * delta * delta * inverseLengthSquared[d];
                }

                if (partner[i] == j)
                {
                    pairTerm += 2 * w[i, j];
                }
            }
        }

        // dK/d ln l_d = K o (delta_d^2 / l_d^2); dK/d ln s^2 = K_f; dK/d ln(sigma_n^2 - floor) = (sigma_n^2 - floor)(I + rho P);
        // dK/d atanh rho = sigma_n^2 (1 - rho^2) P. Each enters as -1/2 tr(W dK).
        for (int d = 0; d < dimensions; d++)
        {
            double lnL = theta[d];
            value += 0.5 * lnL * lnL / (LengthScalePriorWidth * LengthScalePriorWidth);
            gradient[d] = (-0.5 * lengthTerms[d]) + (lnL / (LengthScalePriorWidth * LengthScalePriorWidth));
        }

        double excessNoise = h.NoiseVariance - NoiseFloor;
        gradient[dimensions] = -0.5 * signalTerm;
        gradient[dimensions + 1] = -0.5 * excessNoise * (noiseTerm + (h.PairCorrelation * pairTerm));
        if (carpool)
        {
            gradient[dimensions + 2] = -0.5 * h.NoiseVariance * (1 - (h.PairCorrelation * h.PairCorrelation)) * pairTerm;
        }

        return (value, gradient);
    }

    /// <summary>
    /// K^-1 = L^-T L^-1 from the lower Cholesky factor L: the columns of L^-1 by forward substitution, then the lower
    /// triangle of L^-T L^-1 as dot products of those columns (n^3/3 multiply-adds, a third of solving K X = I).
    /// Returns the lower triangle as rows: [i][j] for j &lt;= i.
    /// </summary>
    internal static double[][] InverseFromFactor(Matrix<double> factor)
    {
        int n = factor.RowCount;
        double[][] rows = [.. Enumerable.Range(0, n).Select(i => factor.Row(i, 0, i + 1).ToArray())];
        var columns = new double[n][]; // columns[j][k] = (L^-1)[k][j], k >= j
        for (int j = 0; j < n; j++)
        {
            var column = new double[n];
            column[j] = 1 / rows[j][j];
            for (int i = j + 1; i < n; i++)
            {
                double sum = 0;
                double[] row = rows[i];
                for (int k = j; k < i; k++)
                {
                    sum += row[k] * column[k];
                }

                column[i] = -sum / row[i];
            }

            columns[j] = column;
        }

        var inverse = new double[n][];
        for (int i = 0; i < n; i++)
        {
            inverse[i] = new double[i + 1];
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                double[] a = columns[i];
                double[] b = columns[j];
                for (int k = i; k < n; k++)
                {
                    sum += a[k] * b[k];
                }

                inverse[i][j] = sum;
            }
        }

        return inverse;
    }
}
