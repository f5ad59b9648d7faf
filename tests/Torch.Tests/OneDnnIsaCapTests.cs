using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

/// <summary>
/// The cap that keeps oneDNN off the AVX-512 and AVX2 convolution kernels which gave wrong gradients on an AVX-512
/// EPYC: with <c>DNNL_MAX_CPU_ISA=AVX512_CORE</c> this test failed there (half of ten identical backward passes
/// non-finite); with AVX2, <c>IntegratedGradientsTests</c> did.
/// </summary>
public sealed class OneDnnIsaCapTests
{
    public OneDnnIsaCapTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Loading_torch_leaves_a_oneDNN_cap_in_the_environment()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OneDnnIsaCap.Variable)));
        Assert.Equal(Environment.GetEnvironmentVariable(OneDnnIsaCap.Variable), TorchRuntime.EnsureLoaded().OneDnnMaxIsa);
    }

    [Fact]
    public void Repeated_backward_passes_of_one_batch_give_the_same_finite_gradients()
    {
        using var scope = NewDisposeScope();
        var data = SyntheticImages.Create(groups: 16, samplesPerGroup: 1, seed: 5);
        var images = new float[16 * data.InputLength];
        data.GatherInputs([.. Enumerable.Range(0, 16)], images);
        torch.manual_seed(5);
        using var network = (NetworkSpec.Cnn2D() with { BaseChannels = 2, DropoutProbability = 0 }).CreateNetwork();
        network.train();
        var inputs = tensor(images, [16, 1, MassCnn2D.ImageSize, MassCnn2D.ImageSize]).Times(data.InputLength).Plus(1e-3).log();
        var targets = zeros(16, 1);

        List<Tensor>? first = null;
        for (int pass = 0; pass < 10; pass++)
        {
            network.zero_grad();
            var (mean, sigma) = MomentNetwork.SplitMoments(network.forward(inputs), 1);
            MomentLoss.Compute(mean, sigma, targets).backward();
            var gradients = network.parameters().Select(p => p.grad!.clone()).ToList();
            var nonFinite = network.named_parameters().Where(p => !p.parameter.grad!.isfinite().all().item<bool>()).Select(p => p.name).ToList();
            Assert.True(nonFinite.Count == 0, $"pass {pass}: non-finite gradients in {string.Join(", ", nonFinite)}");
            first ??= gradients;
            // Batch-norm statistics move between passes in training mode, so the gradients agree closely, not exactly.
            Assert.All(first.Zip(gradients), pair => Assert.True(pair.First.allclose(pair.Second, rtol: 1e-3, atol: 1e-5)));
        }
    }
}
