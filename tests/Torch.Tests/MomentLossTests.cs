using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

public sealed class MomentLossTests
{
    public MomentLossTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Moment_loss_equals_a_hand_computation_on_a_tiny_batch()
    {
        // 3 samples x 2 parameters.
        double[,] theta = { { 1.0, -2.0 }, { 0.5, 0.0 }, { -1.0, 3.0 } };
        double[,] mu = { { 0.8, -1.5 }, { 0.9, 0.4 }, { -0.7, 2.0 } };
        double[,] sigma = { { 0.1, 0.3 }, { 0.5, 0.2 }, { 0.4, 1.5 } };

        // Reference sheet section 8, written out with loops in double precision.
        double expected = 0;
        for (int i = 0; i < 2; i++)
        {
            double sumSquares = 0;
            double sumVariance = 0;
            for (int j = 0; j < 3; j++)
            {
                double e2 = Math.Pow(theta[j, i] - mu[j, i], 2);
                sumSquares += e2;
                sumVariance += Math.Pow(e2 - (sigma[j, i] * sigma[j, i]), 2);
            }

            expected += Math.Log(sumSquares) + Math.Log(sumVariance);
        }

        using var t = tensor(Flatten(theta), [3, 2]);
        using var m = tensor(Flatten(mu), [3, 2]);
        using var s = tensor(Flatten(sigma), [3, 2]);
        using var loss = MomentLoss.Compute(m, s, t);

        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void Moment_loss_refuses_mismatched_shapes()
    {
        using var a = zeros([4, 1], dtype: float32);
        using var b = zeros([4, 2], dtype: float32);
        Assert.Throws<ArgumentException>(() => MomentLoss.Compute(a, a, b));
    }

    private static double[] Flatten(double[,] values) => values.Cast<double>().ToArray();
}
