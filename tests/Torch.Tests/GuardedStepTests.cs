using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using StreamProcessor.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

/// <summary>
/// One optimiser step of the 2D network on 16 synthetic images: what holds on any CPU (kernels, threads), not a
/// trajectory: the loss falls when one batch is fitted, clipping caps the norm, a bad batch leaves the weights alone.
/// </summary>
public sealed class GuardedStepTests
{
    private const int Batch = 16;

    public GuardedStepTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Repeated_steps_on_one_batch_lower_its_loss()
    {
        using var scope = NewDisposeScope();
        var (network, inputs, targets) = Setup(seed: 5);
        using var optimizer = optim.Adam(network.parameters(), lr: 1e-3);

        var losses = Enumerable.Range(0, 30).Select(_ => GuardedStep.Run(network, optimizer, inputs, targets, maxGradientNorm: 1000)).ToList();

        Assert.All(losses, o => Assert.False(o.Skipped));
        Assert.All(losses, o => Assert.True(double.IsFinite(o.Loss) && double.IsFinite(o.GradientNorm)));
        // Fitting 16 images with ~10^4 weights: the loss (a log of sums, ~5 at the start) falls by several units.
        double first = losses[0].Loss;
        double last = losses.TakeLast(3).Average(o => o.Loss);
        Assert.True(last < first - 1.0, $"loss {first:F3} -> {last:F3} over 30 steps on one batch");
        network.Dispose();
    }

    [Fact]
    public void Clipping_scales_the_gradient_down_to_the_maximum_norm()
    {
        using var scope = NewDisposeScope();
        var (network, inputs, targets) = Setup(seed: 6);
        using var optimizer = optim.SGD(network.parameters(), learningRate: 0.0);

        var outcome = GuardedStep.Run(network, optimizer, inputs, targets, maxGradientNorm: 1e-3);

        Assert.True(outcome.Clipped);
        Assert.True(outcome.GradientNorm > 1e-3);
        double clipped = Math.Sqrt(network.parameters().Where(p => p.grad is not null).Sum(p => p.grad!.square().sum().item<float>()));
        Assert.Equal(1e-3, clipped, 1e-6);
        network.Dispose();
    }

    [Fact]
    public void A_batch_with_a_non_finite_loss_is_skipped_and_leaves_the_weights_unchanged()
    {
        using var scope = NewDisposeScope();
        var (network, inputs, targets) = Setup(seed: 7);
        using var optimizer = optim.Adam(network.parameters(), lr: 1e-2);
        var before = network.parameters().Select(p => p.detach().clone()).ToList();
        targets[3, 0] = float.NaN;

        var outcome = GuardedStep.Run(network, optimizer, inputs, targets, maxGradientNorm: 1000);

        Assert.True(outcome.Skipped);
        Assert.True(double.IsNaN(outcome.Loss));
        Assert.All(network.parameters().Zip(before), pair => Assert.True(pair.First.allclose(pair.Second, rtol: 0, atol: 0)));
        network.Dispose();
    }

    [Fact]
    public void A_batch_that_poisons_the_batch_norm_statistics_stops_the_run_with_the_buffer_named()
    {
        using var scope = NewDisposeScope();
        var (network, inputs, targets) = Setup(seed: 8);
        using var optimizer = optim.Adam(network.parameters(), lr: 1e-3);
        inputs[0, 0, 10, 10] = float.PositiveInfinity;

        var error = Assert.Throws<InvalidOperationException>(() => GuardedStep.Run(network, optimizer, inputs, targets, maxGradientNorm: 1000));
        Assert.Contains("running_", error.Message);
        network.Dispose();
    }

    private static (MomentNetwork Network, Tensor Inputs, Tensor Targets) Setup(int seed)
    {
        var data = SyntheticImages.Create(groups: Batch, samplesPerGroup: 1, seed: seed);
        var images = new float[Batch * data.InputLength];
        data.GatherInputs([.. Enumerable.Range(0, Batch)], images);
        var raw = new float[Batch];
        data.GatherTargets([.. Enumerable.Range(0, Batch)], raw);
        double mean = raw.Average();
        double std = Math.Sqrt(raw.Sum(t => (t - mean) * (t - mean)) / Batch);

        torch.manual_seed(seed);
        var network = (NetworkSpec.Cnn2D() with { BaseChannels = 2, DropoutProbability = 0 }).CreateNetwork();
        network.train();
        var inputs = tensor(images, [Batch, 1, MassCnn2D.ImageSize, MassCnn2D.ImageSize]).mul(data.InputLength).add(1e-3).log();
        var targets = tensor(raw.Select(t => (float)((t - mean) / std)).ToArray(), [Batch, 1]);
        return (network, inputs, targets);
    }
}
