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

        using var t = tensor(Flatten(theta), [3, 2]);
        using var m = tensor(Flatten(mu), [3, 2]);
        using var s = tensor(Flatten(sigma), [3, 2]);
        using var loss = MomentLoss.Compute(m, s, t);

        // Relative tolerances, not rounding to N places (a last-bit difference can straddle a rounding boundary).
        double expected = HandLoss(theta, mu, sigma, MomentLoss.MeanTermFloor, MomentLoss.VarianceTermFloor);
        Assert.True(Math.Abs(loss.item<double>() - expected) <= 1e-12 * Math.Abs(expected), $"{loss.item<double>()} vs {expected}");
        // The floors are far below these residuals: the loss is the unfloored Eq. 8 to 1e-4.
        Assert.Equal(HandLoss(theta, mu, sigma, 0, 0), loss.item<double>(), 1e-4);
    }

    [Fact]
    public void Moment_loss_refuses_mismatched_shapes_and_an_empty_batch()
    {
        using var a = zeros([4, 1], dtype: float32);
        using var b = zeros([4, 2], dtype: float32);
        using var empty = zeros([0, 1], dtype: float32);
        Assert.Throws<ArgumentException>(() => MomentLoss.Compute(a, a, b));
        Assert.Throws<ArgumentException>(() => MomentLoss.Compute(empty, empty, empty));
    }

    public static TheoryData<string, float[], float[], float[]> EdgeCases => new()
    {
        // name, theta, mu, sigma (N samples x 1 parameter)
        { "all targets equal, mu = theta exactly", [0.5f, 0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f, 0.5f], [0.3f, 0.3f, 0.3f, 0.3f] },
        { "mu = theta and sigma at zero", [1f, -1f, 2f], [1f, -1f, 2f], [0f, 0f, 0f] },
        { "sigma^2 equal to the squared residual", [1f, 2f], [0f, 0f], [1f, 2f] },
        { "sigma -> 0 with large residuals", [3f, -4f], [0f, 0f], [1e-30f, 1e-30f] },
        { "a batch of 1", [0.7f], [0.1f], [0.6f] },
        { "a batch of 1 fitted exactly", [0.7f], [0.7f], [0f] },
        { "a batch of 2", [0.7f, -0.2f], [0.5f, -0.1f], [0.2f, 0.1f] },
        { "residuals and sigmas near float32's largest", [3e38f, -3e38f], [-3e38f, 3e38f], [3e38f, 3e38f] },
        { "residuals at float32's denormal end", [1e-44f, 0f], [0f, 1e-44f], [1e-44f, 0f] },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Moment_loss_and_its_gradients_are_finite_at_the_edges(string name, float[] theta, float[] mu, float[] sigma)
    {
        using var scope = NewDisposeScope();
        var t = tensor(theta, [theta.Length, 1]);
        var m = tensor(mu, [mu.Length, 1]).requires_grad_();
        var s = tensor(sigma, [sigma.Length, 1]).requires_grad_();

        var loss = MomentLoss.Compute(m, s, t);
        loss.backward();

        Assert.Equal(ScalarType.Float32, loss.dtype);
        Assert.True(float.IsFinite(loss.item<float>()), $"{name}: loss {loss.item<float>()}");
        Assert.True(m.grad!.isfinite().all().item<bool>(), $"{name}: d/dmu {string.Join(", ", m.grad!.data<float>().ToArray())}");
        Assert.True(s.grad!.isfinite().all().item<bool>(), $"{name}: d/dsigma {string.Join(", ", s.grad!.data<float>().ToArray())}");
    }

    [Fact]
    public void The_mean_term_gradient_is_bounded_by_one_over_root_floor_however_small_the_residual()
    {
        using var scope = NewDisposeScope();
        double bound = 1 / Math.Sqrt(MomentLoss.MeanTermFloor);
        foreach (float residual in new[] { 1e-1f, 1e-3f, 1e-5f, 1e-8f, 0f })
        {
            var m = tensor(new[] { residual }, [1, 1]).requires_grad_();
            // sigma^2 = residual^2 zeroes the variance term's gradient with respect to mu, leaving the mean term's.
            var s = tensor(new[] { Math.Abs(residual) }, [1, 1]);
            MomentLoss.Compute(m, s, zeros([1, 1])).backward();
            Assert.InRange(Math.Abs(m.grad!.item<float>()), 0, bound * 1.0001);
        }
    }

    [Fact]
    public void The_loss_falls_as_the_mean_approaches_the_target_and_sigma_the_residual()
    {
        using var scope = NewDisposeScope();
        var target = tensor(new[] { 1f, -1f, 0.5f, 0f }, [4, 1]);
        double Loss(float offset, float sigma) =>
            MomentLoss.Compute(target.Plus(offset), full([4, 1], sigma), target).item<float>();

        Assert.True(Loss(0.1f, 0.1f) < Loss(0.3f, 0.1f));
        Assert.True(Loss(0.1f, 0.1f) < Loss(0.1f, 0.5f));
    }

    private static double HandLoss(double[,] theta, double[,] mu, double[,] sigma, double meanFloor, double varianceFloor)
    {
        // Reference sheet section 8 with the per-sample floors of MomentLoss, written out with loops in double.
        int samples = theta.GetLength(0);
        double expected = 0;
        for (int i = 0; i < theta.GetLength(1); i++)
        {
            double sumSquares = 0;
            double sumVariance = 0;
            for (int j = 0; j < samples; j++)
            {
                double e2 = Math.Pow(theta[j, i] - mu[j, i], 2);
                sumSquares += e2;
                sumVariance += Math.Pow(e2 - (sigma[j, i] * sigma[j, i]), 2);
            }

            expected += Math.Log(sumSquares + (samples * meanFloor)) + Math.Log(sumVariance + (samples * varianceFloor));
        }

        return expected;
    }

    private static double[] Flatten(double[,] values) => values.Cast<double>().ToArray();
}
