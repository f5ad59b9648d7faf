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
    private readonly Cholesky<double> _cholesky;
    private readonly Lazy<double[][]> _lowerRows;

    private GaussianProcess(double[][] inputs, double[][] alpha, GpHyperparameters hyperparameters, Cholesky<double> cholesky)
    {
        _inputs = inputs;
        Alpha = alpha;
        Hyperparameters = hyperparameters;
        _inverseLengthSquared = [.. hyperparameters.LengthScales.Select(l => 1 / (l * l))];
        _cholesky = cholesky;
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

    /// <summary>
    /// Predictive variance of the latent function at <paramref name="x"/> (the same for every output): s^2 - v^T v with
    /// v = L^-1 k, L the Cholesky factor of K_y (Rasmussen &amp; Williams 2006, Algorithm 2.1, lines 5-6): one forward
    /// substitution, so emulating many points with their uncertainty stays affordable. Thread-safe.
    /// </summary>
    public double PredictVariance(ReadOnlySpan<double> x)
    {
        var lower = _lowerRows.Value;
        int n = _inputs.Length;
        double[] v = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double[] row = lower[i];
            v[i] = (Kernel(x, _inputs[i]) - Dot(row.AsSpan(0, i), v.AsSpan(0, i))) / row[i];
            sum += v[i] * v[i];
        }

        return Math.Max(0, Hyperparameters.SignalVariance - sum);
    }

    /// <summary>The rows of the lower-triangular factor, each up to and including its diagonal.</summary>
    private static double[][] LowerRows(Matrix<double> factor) =>
        [.. Enumerable.Range(0, factor.RowCount).Select(i => Enumerable.Range(0, i + 1).Select(j => factor[i, j]).ToArray())];

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sums = System.Numerics.Vector<double>.Zero;
        int width = System.Numerics.Vector<double>.Count;
        int i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sums += new System.Numerics.Vector<double>(a.Slice(i, width)) * new System.Numerics.Vector<double>(b.Slice(i, width));
        }

        double total = System.Numerics.Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
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
