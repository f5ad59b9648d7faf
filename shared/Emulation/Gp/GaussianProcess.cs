using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace StreamProcessor.Emulation.Gp;

/// <summary>
/// A Gaussian process conditioned on training inputs (unit cube) and one or more standardised outputs that share
/// the kernel (here: the principal-component coefficients of one profile kind). Every solve goes through the
/// Cholesky factor of K_y = K + noise (Rasmussen &amp; Williams 2006, Algorithm 2.1); no inverse is formed here.
/// </summary>
public sealed class GaussianProcess
{
    private readonly double[][] _inputs;
    private readonly double[] _inverseLengthSquared;
    private readonly Lazy<double[][]> _lowerRows;

    private GaussianProcess(double[][] inputs, double[][] alpha, GpHyperparameters hyperparameters, Cholesky<double> cholesky)
    {
        _inputs = inputs;
        Alpha = alpha;
        Hyperparameters = hyperparameters;
        _inverseLengthSquared = [.. hyperparameters.LengthScales.Select(l => 1 / (l * l))];
        _lowerRows = new(() => LowerRows(cholesky.Factor), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The hyper-parameters it was conditioned with.</summary>
    public GpHyperparameters Hyperparameters { get; }

    /// <summary>K_y^-1 y for every output, [output][training point]: the weights of the predictive mean.</summary>
    public double[][] Alpha { get; }

    /// <summary>Number of training points.</summary>
    public int Count => _inputs.Length;

    /// <summary>
    /// Conditions the process on <paramref name="inputs"/> ([point][dimension]) and <paramref name="outputs"/>
    /// ([output][point]); <paramref name="partner"/>[i] is the training index sharing point i's seed, or -1.
    /// </summary>
    public static GaussianProcess Condition(double[][] inputs, double[][] outputs, int[] partner, GpHyperparameters hyperparameters)
    {
        var covariance = Covariance(inputs, partner, hyperparameters);
        var cholesky = covariance.Cholesky();
        double[][] alpha = [.. outputs.Select(y => cholesky.Solve(Vector<double>.Build.DenseOfArray(y)).ToArray())];
        return new GaussianProcess(inputs, alpha, hyperparameters, cholesky);
    }

    /// <summary>Predictive means of every output at <paramref name="x"/>: k(x, X) alpha.</summary>
    public void PredictMeans(ReadOnlySpan<double> x, Span<double> destination)
    {
        destination.Clear();
        for (int i = 0; i < _inputs.Length; i++)
        {
            double k = Kernel(x, _inputs[i]);
            for (int c = 0; c < Alpha.Length; c++)
            {
                destination[c] += k * Alpha[c][i];
            }
        }
    }

    /// <summary>Predictive variance of the latent function at <paramref name="x"/> (the same for every output).</summary>
    public double PredictVariance(ReadOnlySpan<double> x)
    {
        var variance = new double[1];
        PredictVariances([x.ToArray()], variance);
        return variance[0];
    }

    /// <summary>
    /// Predictive variances at every point of <paramref name="points"/>: s^2 - v^T v with v = L^-1 k, L the Cholesky
    /// factor of K_y (Rasmussen &amp; Williams 2006, Algorithm 2.1, lines 5-6). One forward substitution for all points
    /// together, so each row of L is read once per batch rather than once per point (L of 500 halos is 1 MB). Thread-safe.
    /// </summary>
    public void PredictVariances(IReadOnlyList<double[]> points, Span<double> destination)
    {
        var lower = _lowerRows.Value;
        int n = _inputs.Length;
        int m = points.Count;
        var v = new double[n][];
        var sums = new double[m];
        for (int i = 0; i < n; i++)
        {
            double[] row = lower[i];
            var vi = new double[m];
            for (int p = 0; p < m; p++)
            {
                vi[p] = Kernel(points[p], _inputs[i]);
            }

            for (int j = 0; j < i; j++)
            {
                SubtractScaled(vi, row[j], v[j]);
            }

            for (int p = 0; p < m; p++)
            {
                vi[p] /= row[i];
                sums[p] += vi[p] * vi[p];
            }

            v[i] = vi;
        }

        for (int p = 0; p < m; p++)
        {
            destination[p] = Math.Max(0, Hyperparameters.SignalVariance - sums[p]);
        }
    }

    /// <summary>The rows of the lower-triangular factor, each up to and including its diagonal.</summary>
    private static double[][] LowerRows(Matrix<double> factor) =>
        [.. Enumerable.Range(0, factor.RowCount).Select(i => Enumerable.Range(0, i + 1).Select(j => factor[i, j]).ToArray())];

    /// <summary>target -= scale * source, element-wise (SIMD where the hardware has it).</summary>
    private static void SubtractScaled(double[] target, double scale, double[] source)
    {
        int width = System.Numerics.Vector<double>.Count;
        var factor = new System.Numerics.Vector<double>(scale);
        int p = 0;
        for (; p <= target.Length - width; p += width)
        {
            (new System.Numerics.Vector<double>(target, p) - (factor * new System.Numerics.Vector<double>(source, p))).CopyTo(target, p);
        }

        for (; p < target.Length; p++)
        {
            target[p] -= scale * source[p];
        }
    }

    /// <summary>k(a, b) = s^2 exp(-1/2 sum_d (a_d - b_d)^2 / l_d^2).</summary>
    private double Kernel(ReadOnlySpan<double> a, double[] b)
    {
        double sum = 0;
        for (int d = 0; d < b.Length; d++)
        {
            double delta = a[d] - b[d];
            sum += delta * delta * _inverseLengthSquared[d];
        }

        return Hyperparameters.SignalVariance * Math.Exp(-0.5 * sum);
    }

    /// <summary>K_y: the ARD kernel matrix plus the CARPool noise covariance.</summary>
    internal static Matrix<double> Covariance(double[][] inputs, int[] partner, GpHyperparameters h)
    {
        int n = inputs.Length;
        double[] inverseLengthSquared = [.. h.LengthScales.Select(l => 1 / (l * l))];
        var k = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            k[i, i] = h.SignalVariance + h.NoiseVariance;
            for (int j = 0; j < i; j++)
            {
                double sum = 0;
                for (int d = 0; d < inverseLengthSquared.Length; d++)
                {
                    double delta = inputs[i][d] - inputs[j][d];
                    sum += delta * delta * inverseLengthSquared[d];
                }

                double value = h.SignalVariance * Math.Exp(-0.5 * sum);
                if (partner[i] == j)
                {
                    value += h.PairCorrelation * h.NoiseVariance;
                }

                k[i, j] = value;
                k[j, i] = value;
            }
        }

        return k;
    }
}
