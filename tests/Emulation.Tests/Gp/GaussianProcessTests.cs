using MathNet.Numerics.LinearAlgebra;
using StreamProcessor.Emulation.Gp;

namespace StreamProcessor.Emulation.Tests.Gp;

public sealed class GaussianProcessTests
{
    [Fact]
    public void The_predictive_variance_is_s2_minus_k_Ky_inverse_k_and_grows_away_from_the_data()
    {
        var random = new Random(3);
        double[][] inputs = [.. Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble(), random.NextDouble() })];
        double[] y = [.. inputs.Select(x => Math.Sin(4 * x[0]) + x[1])];
        int[] partner = [.. inputs.Select((_, i) => i % 2 == 0 ? i + 1 : i - 1)];
        var h = new GpHyperparameters([0.3, 0.5], SignalVariance: 1.3, NoiseVariance: 0.05, PairCorrelation: 0.4);
        var gp = GaussianProcess.Condition(inputs, [y], partner, h);

        // Direct form, independent of the forward substitution: K_y built here, solved by MathNet's LU.
        double Kernel(double[] a, double[] b) => h.SignalVariance * Math.Exp(-0.5 * (Math.Pow((a[0] - b[0]) / 0.3, 2) + Math.Pow((a[1] - b[1]) / 0.5, 2)));
        var ky = Matrix<double>.Build.Dense(40, 40, (i, j) =>
            Kernel(inputs[i], inputs[j]) + (i == j ? h.NoiseVariance : partner[i] == j ? h.PairCorrelation * h.NoiseVariance : 0));
        foreach (double[] x in new[] { new[] { 0.5, 0.5 }, new[] { 0.1, 0.9 }, inputs[7], new[] { 3.0, -2.0 } })
        {
            var k = Vector<double>.Build.Dense(40, i => Kernel(x, inputs[i]));
            double expected = h.SignalVariance - k.DotProduct(ky.LU().Solve(k));
            Assert.Equal(expected, gp.PredictVariance(x), 10);
        }

        Assert.True(gp.PredictVariance(inputs[7]) < 0.1 * h.SignalVariance);
        Assert.Equal(h.SignalVariance, gp.PredictVariance([3.0, -2.0]), 6);
    }
}
