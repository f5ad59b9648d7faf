using MathNet.Numerics.LinearAlgebra;
using StreamProcessor.Emulation.Gp;

namespace StreamProcessor.Emulation.Tests.Gp;

public sealed class GpFitterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Analytic_gradient_matches_finite_differences(bool carpool)
    {
        var (inputs, outputs, partner) = Synthetic(30, 3, seed: 4, pairCorrelation: 0.5);
        var theta = Vector<double>.Build.DenseOfArray(carpool ? [-0.3, 0.2, 0.5, 0.1, Math.Log(0.05), 0.4] : [-0.3, 0.2, 0.5, 0.1, Math.Log(0.05)]);
        var (_, gradient) = GpFitter.Evaluate(inputs, outputs, partner, theta, carpool);
        for (int i = 0; i < theta.Count; i++)
        {
            const double h = 1e-5;
            var up = theta.Clone();
            var down = theta.Clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (GpFitter.Evaluate(inputs, outputs, partner, up, carpool).Value - GpFitter.Evaluate(inputs, outputs, partner, down, carpool).Value) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"component {i}: analytic {gradient[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Fit_finds_the_relevant_input_and_predicts_held_out_points()
    {
        // y = sin(3 x0) + 0.5 x1^2; x2 is irrelevant.
        var random = new Random(7);
        double[][] inputs = [.. Enumerable.Range(0, 80).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() })];
        double Truth(double[] x) => Math.Sin(3 * x[0]) + (0.5 * x[1] * x[1]);
        double[] y = [.. inputs.Select(x => Truth(x) + (0.01 * Gaussian(random)))];
        int[] partner = [.. inputs.Select(_ => -1)];
        var fit = GpFitter.Fit(inputs, [y], partner, carpool: false);
        var h = fit.Hyperparameters;
        Assert.True(h.LengthScales[2] > 3 * h.LengthScales[0], $"irrelevant input's length scale {h.LengthScales[2]} vs {h.LengthScales[0]}");
        Assert.InRange(h.NoiseVariance, 1e-6, 1e-3);
        var gp = GaussianProcess.Condition(inputs, [y], partner, h);
        var predicted = new double[1];
        for (int i = 0; i < 20; i++)
        {
            double[] x = [random.NextDouble() * 0.8 + 0.1, random.NextDouble() * 0.8 + 0.1, random.NextDouble()];
            gp.PredictMeans(x, predicted);
            Assert.True(Math.Abs(predicted[0] - Truth(x)) < 0.05, $"at ({x[0]:F2}, {x[1]:F2}): {predicted[0]} vs {Truth(x)}");
            Assert.True(gp.PredictVariance(x) < 0.01);
        }
    }

    [Fact]
    public void CarPool_recovers_the_pair_correlation_and_beats_a_plain_gp_on_the_mean()
    {
        // Pairs share most of their noise (rho = 0.9), as halos with the same initial conditions do.
        var (inputs, outputs, partner) = Synthetic(120, 2, seed: 11, pairCorrelation: 0.9, noise: 0.3);
        var carpool = GpFitter.Fit(inputs, outputs, partner, carpool: true);
        var plain = GpFitter.Fit(inputs, outputs, partner, carpool: false);
        Assert.InRange(carpool.Hyperparameters.PairCorrelation, 0.6, 0.99);
        Assert.True(carpool.NegativeLogLikelihood < plain.NegativeLogLikelihood - 5, $"-ln L {carpool.NegativeLogLikelihood} vs plain {plain.NegativeLogLikelihood}");

        double Error(GpFitter.Result fit)
        {
            var gp = GaussianProcess.Condition(inputs, outputs, partner, fit.Hyperparameters);
            var grid = from a in Enumerable.Range(1, 9) from b in Enumerable.Range(1, 9) select new[] { a / 10.0, b / 10.0 };
            var predicted = new double[1];
            return Math.Sqrt(grid.Average(x =>
            {
                gp.PredictMeans(x, predicted);
                return Math.Pow(predicted[0] - Mean(x), 2);
            }));
        }

        Assert.True(Error(carpool) < Error(plain), $"rms error of the mean: CARPool {Error(carpool)}, plain {Error(plain)}");
    }

    [Fact]
    public void Inverse_from_the_cholesky_factor_inverts_the_matrix()
    {
        var random = new Random(2);
        var a = Matrix<double>.Build.Dense(40, 40, (_, _) => random.NextDouble());
        var k = a.TransposeThisAndMultiply(a) + Matrix<double>.Build.DenseIdentity(40);
        double[][] lower = GpFitter.InverseFromFactor(k.Cholesky().Factor);
        var inverse = Matrix<double>.Build.Dense(40, 40, (i, j) => lower[Math.Max(i, j)][Math.Min(i, j)]);
        Assert.True((k * inverse - Matrix<double>.Build.DenseIdentity(40)).InfinityNorm() < 1e-9);
    }

    private static double Mean(double[] x) => Math.Sin(3 * x[0]) + Math.Cos(2 * x[1]);

    /// <summary>Points in pairs (2i, 2i + 1) whose noises correlate with <paramref name="pairCorrelation"/>.</summary>
    private static (double[][] Inputs, double[][] Outputs, int[] Partner) Synthetic(int count, int dimensions, int seed, double pairCorrelation, double noise = 0.1)
    {
        var random = new Random(seed);
        double[][] inputs = [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimensions).Select(_ => random.NextDouble()).ToArray())];
        int[] partner = [.. Enumerable.Range(0, count).Select(i => i ^ 1)];
        var y = new double[count];
        for (int i = 0; i < count; i += 2)
        {
            double shared = Gaussian(random);
            double a = (Math.Sqrt(pairCorrelation) * shared) + (Math.Sqrt(1 - pairCorrelation) * Gaussian(random));
            double b = (Math.Sqrt(pairCorrelation) * shared) + (Math.Sqrt(1 - pairCorrelation) * Gaussian(random));
            y[i] = Mean(inputs[i]) + (noise * a);
            y[i + 1] = Mean(inputs[i + 1]) + (noise * b);
        }

        return (inputs, [y], partner);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
