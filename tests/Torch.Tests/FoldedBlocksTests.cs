using StreamProcessor.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

public sealed class FoldedBlocksTests
{
    public static TheoryData<string> Architectures => [NetworkSpec.Cnn2DId, NetworkSpec.Cnn3DId, NetworkSpec.MapCnnId];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Eval_mode_inference_equals_the_module_forward(string architecture)
    {
        using var network = TrainedLikeNetwork(architecture, out var input);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();

        var expected = network.forward(input);
        var actual = network.Infer(input);

        Assert.Equal(expected.shape, actual.shape);
        float scale = expected.abs().max().item<float>();
        float difference = (actual - expected).abs().max().item<float>();
        Assert.True(difference <= 1e-5f * Math.Max(1f, scale), $"max |Infer − forward| = {difference:E2} (outputs up to {scale:E2})");
    }

    [Fact]
    public void Folded_blocks_refuse_training_mode_because_they_use_the_running_statistics()
    {
        using var blocks = nn.Sequential(MassCnnBlocks.Block2D(1, 4, convolutions: 2));
        using var input = rand(2, 1, 8, 8);
        blocks.train();

        Assert.Throws<InvalidOperationException>(() => FoldedBlocks.Forward(blocks, input));
    }

    [Fact]
    public void Pooling_an_odd_sized_map_drops_the_last_row_like_max_pool()
    {
        using var blocks = nn.Sequential(MassCnnBlocks.Block3D(1, 2, convolutions: 1));
        blocks.eval();
        using var scope = NewDisposeScope();
        using var input = randn([3, 1, 7, 6, 5]);

        var folded = FoldedBlocks.Forward(blocks, input);

        Assert.Equal([3L, 2, 3, 3, 2], folded.shape);
        Assert.True((folded - blocks.forward(input)).abs().max().item<float>() < 1e-5f);
    }

    /// <summary>
    /// A network whose batch norms are not the identity: random affine parameters and running statistics gathered
    /// from a few training-mode passes, as after training.
    /// </summary>
    private static MomentNetwork TrainedLikeNetwork(string architecture, out Tensor input)
    {
        manual_seed(7);
        var spec = architecture switch
        {
            NetworkSpec.Cnn2DId => NetworkSpec.Cnn2D(),
            NetworkSpec.Cnn3DId => NetworkSpec.Cnn3D(),
            _ => NetworkSpec.ForMaps(channels: 2, side: 32, pooling: 2, parameterCount: 6, baseChannels: 4, dropoutProbability: 0.1),
        };
        var network = spec.CreateNetwork();
        long[] shape = [4, .. spec.InputShape.Select(d => (long)d)];
        using (no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                if (name.Contains("features", StringComparison.Ordinal) && parameter.dim() == 1) parameter.copy_(rand_like(parameter).Times(1.5).Plus(0.25));
            }

            network.train();
            for (int pass = 0; pass < 3; pass++)
            {
                using var batch = randn(shape).Times(2).Plus(1);
                network.forward(batch).Dispose();
            }
        }

        input = randn(shape).Times(2).Plus(1);
        return network;
    }
}
