using StreamProcessor.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Convolution blocks shared by the 2D and 3D mass networks: [Conv 3 (zero padding) -> BatchNorm -> LeakyReLU]
/// repeated, then 2x max pooling. Follows the block pattern of the CAMELS multifield CNN (reference sheet section 5;
/// Villaescusa-Navarro+2022, arXiv:2109.10915) at a much smaller width so CPU training stays cheap.
/// </summary>
public static class MassCnnBlocks
{
    static MassCnnBlocks()
    {
        // Callers may reach this before any network type has loaded the native runtime.
        TorchRuntime.EnsureLoaded();
    }

    /// <summary>LeakyReLU negative slope, as in the CAMELS networks.</summary>
    public const double LeakySlope = 0.2;

    /// <summary>Convolution kernel side; <see cref="Padding"/> keeps the map size.</summary>
    public const int Kernel = 3;

    /// <summary>Zero padding of every convolution.</summary>
    public const int Padding = 1;

    /// <summary>One 2D block: <paramref name="convolutions"/> x (Conv2d 3x3 -> BN -> LeakyReLU), then MaxPool 2.</summary>
    public static IEnumerable<nn.Module<Tensor, Tensor>> Block2D(long inChannels, long outChannels, int convolutions)
    {
        for (int i = 0; i < convolutions; i++)
        {
            yield return nn.Conv2d(i == 0 ? inChannels : outChannels, outChannels, kernel_size: Kernel, padding: Padding, bias: false);
            yield return nn.BatchNorm2d(outChannels);
            yield return nn.LeakyReLU(LeakySlope);
        }

        yield return nn.MaxPool2d(kernel_size: 2);
    }

    /// <summary>One 3D block: <paramref name="convolutions"/> x (Conv3d 3x3x3 -> BN -> LeakyReLU), then MaxPool 2.</summary>
    public static IEnumerable<nn.Module<Tensor, Tensor>> Block3D(long inChannels, long outChannels, int convolutions)
    {
        for (int i = 0; i < convolutions; i++)
        {
            yield return nn.Conv3d(i == 0 ? inChannels : outChannels, outChannels, kernel_size: Kernel, padding: Padding, bias: false);
            yield return nn.BatchNorm3d(outChannels);
            yield return nn.LeakyReLU(LeakySlope);
        }

        yield return nn.MaxPool3d(kernel_size: 2);
    }
}
