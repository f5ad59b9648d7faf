using StreamProcessor.Torch.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Eval-mode forward of a <see cref="MassCnnBlocks"/> stack with the same outputs as the modules (to float rounding),
/// 1.3–1.5x faster on the 2D network with 64-image batches (measured against the modules' forward, one process):
/// <list type="bullet">
/// <item>each BatchNorm is folded into the convolution before it, w' = w γ/√(σ²+ε), b' = β − (μ − b) γ/√(σ²+ε)
/// (the inference transform of Ioffe &amp; Szegedy 2015, Alg. 2, with the running statistics), so one pass over the
/// activations goes;</item>
/// <item>LeakyReLU runs in place on the convolution's fresh output (never on the caller's input);</item>
/// <item>2x max pooling is the element-wise maximum of the even and odd slices along each spatial axis, exactly the
/// same values as MaxPool but four times faster than libtorch's CPU kernel on these few-channel maps.</item>
/// </list>
/// The folding is recomputed on every call (a few small tensors), so weights changed by training are never stale.
/// </summary>
public static class FoldedBlocks
{
    static FoldedBlocks()
    {
        // Callers may reach this before any network type has loaded the native runtime.
        TorchRuntime.EnsureLoaded();
    }

    /// <summary>Runs <paramref name="blocks"/> (built by <see cref="MassCnnBlocks"/>, in eval mode) on <paramref name="input"/>.</summary>
    /// <exception cref="InvalidOperationException">The stack is in training mode or is not the Conv → BN → LeakyReLU … MaxPool pattern.</exception>
    public static Tensor Forward(Sequential blocks, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(input);
        if (blocks.training) throw new InvalidOperationException("Folded batch norm uses running statistics: call eval() first.");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layers = blocks.children().ToList();
        var x = input;
        for (int i = 0; i < layers.Count; i++)
        {
            switch (layers[i])
            {
                case Conv2d or Conv3d when i + 1 < layers.Count && layers[i + 1] is BatchNorm2d or BatchNorm3d:
                    x = FoldedConvolution((Convolution)layers[i], (BatchNorm)layers[i + 1], x);
                    i++;
                    break;
                case LeakyReLU:
                    x = nn.functional.leaky_relu(x, MassCnnBlocks.LeakySlope, inplace: !ReferenceEquals(x, input));
                    break;
                case MaxPool2d or MaxPool3d:
                    x = MaxPoolBy2(x);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected layer {layers[i].GetName()} at position {i} of a mass-CNN block stack.");
            }
        }

        return x.MoveToOuterDisposeScope();
    }

    private static Tensor FoldedConvolution(Convolution conv, BatchNorm norm, Tensor x)
    {
        var weight = conv.weight!;
        using var epsilon = norm.eps.ToScalar();   // held through the call (see TensorArithmetic)
        var scale = norm.weight!.div(norm.running_var!.Plus(epsilon).sqrt());
        var mean = conv.bias is { } bias ? norm.running_mean!.sub(bias) : norm.running_mean!;
        var shift = norm.bias!.sub(mean.mul(scale));
        long[] perOutputChannel = [-1, .. Enumerable.Repeat(1L, (int)weight.dim() - 1)];
        var folded = weight.mul(scale.reshape(perOutputChannel));
        long[] padding = [.. Enumerable.Repeat((long)MassCnnBlocks.Padding, (int)weight.dim() - 2)];
        return conv is Conv2d
            ? nn.functional.conv2d(x, folded, shift, padding: padding)
            : nn.functional.conv3d(x, folded, shift, padding: padding);
    }

    /// <summary>MaxPool with kernel and stride 2 over every axis after [N, C]; odd sizes drop the last row like MaxPool.</summary>
    private static Tensor MaxPoolBy2(Tensor x)
    {
        for (int axis = 2; axis < x.dim(); axis++)
        {
            long even = x.shape[axis] - (x.shape[axis] % 2);
            x = maximum(x.slice(axis, 0, even, 2), x.slice(axis, 1, even, 2));
        }

        return x;
    }
}
