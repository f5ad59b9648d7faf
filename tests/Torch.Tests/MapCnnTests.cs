using StreamProcessor.Torch.Models;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

public sealed class MapCnnTests
{
    // manual_seed is the first libtorch call here: the native runtime must be in place before it.
    public MapCnnTests() => Native.TorchRuntime.EnsureLoaded();

    [Theory]
    [InlineData(1, 128, 2, 4)] // 64 -> 32 -> 16 -> 8 -> 4
    [InlineData(2, 128, 1, 5)]
    [InlineData(2, 64, 4, 2)]
    public void Blocks_halve_the_pooled_side_down_to_four_pixels(int channels, int side, int pooling, int blocks)
    {
        var spec = NetworkSpec.ForMaps(channels, side, pooling, parameterCount: 6, baseChannels: 4, dropoutProbability: 0.1);

        Assert.Equal(blocks, MapCnn.BlockCount(spec));
        Assert.Equal([channels, side, side], spec.InputShape);
    }

    [Fact]
    public void Outputs_a_mean_and_a_positive_sigma_per_parameter_for_every_map()
    {
        manual_seed(3);
        var spec = NetworkSpec.ForMaps(channels: 2, side: 64, pooling: 2, parameterCount: 6, baseChannels: 4, dropoutProbability: 0.1);
        using var network = spec.CreateNetwork();
        using var scope = NewDisposeScope();
        network.eval();

        var output = network.Infer(randn(5, 2, 64, 64));

        Assert.Equal([5L, 12], output.shape);
        Assert.True(output.narrow(1, 6, 6).min().item<float>() > 0f);
    }

    [Theory]
    [InlineData(2, 96, 1)]  // 96 is not a power of two
    [InlineData(2, 64, 16)] // pooled to 4: no block left
    [InlineData(0, 64, 1)]  // no channel
    public void A_spec_the_network_cannot_be_built_from_is_refused(int channels, int side, int pooling)
    {
        var spec = NetworkSpec.ForMaps(channels, side, pooling, parameterCount: 6, baseChannels: 4, dropoutProbability: 0.1);

        Assert.Throws<ArgumentException>(() => spec.Validated());
    }
}
