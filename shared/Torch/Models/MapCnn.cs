using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// CNN on multi-field maps, channels = fields (X-ray, HI, or both), in the style of the CAMELS multifield network
/// (Villaescusa-Navarro+2022, arXiv:2109.10915; Gluck+2024; reference sheet section 5): an optional average pooling of
/// the input by <see cref="NetworkSpec.InputPooling"/> (log-scaled maps, so it is a geometric mean of the pixels), then
/// blocks of two 3x3 convolutions with BatchNorm and LeakyReLU(0.2), channels BaseChannels·2^k, each halving the side,
/// until the maps are 4 x 4; global average pooling; the moment head (FC C → C/2 with dropout → 2n). Two choices
/// differ from the paper and are ours: the halving is a 2x2 max pooling rather than a strided 2x2 convolution (so the
/// eval path folds batch norm into the convolutions, <see cref="FoldedBlocks"/>), and the widths are smaller so that
/// training fits a CPU. The input passes a per-channel BatchNorm first: log10 X-ray surface brightness (~30-40) and
/// log10 HI column (~15-22) sit on unlike scales, and a learned per-channel standardisation keeps the card free of
/// per-pixel statistics. Input [N, C, S, S], output [N, 2n].
/// </summary>
public sealed class MapCnn : MomentNetwork
{
    /// <summary>Side of the feature maps after the last block.</summary>
    public const int FinalSide = 4;

    private readonly BatchNorm2d inputNorm;
    private readonly Sequential features;
    private readonly MomentHead head;
    private readonly int _pooling;

    /// <summary>Builds the network for <paramref name="spec"/> (its id must be <see cref="NetworkSpec.MapCnnId"/>).</summary>
    public MapCnn(NetworkSpec spec)
        : base(nameof(MapCnn), spec)
    {
        if (spec.ArchitectureId != NetworkSpec.MapCnnId)
        {
            throw new ArgumentException($"MapCnn needs architecture {NetworkSpec.MapCnnId}, got {spec.ArchitectureId}.", nameof(spec));
        }

        _pooling = spec.InputPooling ?? 1;
        int blocks = BlockCount(spec);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        long channels = spec.InputChannels!.Value;
        for (int k = 0; k < blocks; k++)
        {
            long next = (long)spec.BaseChannels << k;
            layers.AddRange(MassCnnBlocks.Block2D(channels, next, convolutions: 2));
            channels = next;
        }

        inputNorm = nn.BatchNorm2d(spec.InputChannels!.Value);
        features = nn.Sequential(layers);
        head = new MomentHead(channels, (int)Math.Max(16, channels / 2), spec.ParameterCount, spec.DropoutProbability, spec.SigmaFloor);
        RegisterComponents();
    }

    /// <summary>Number of halving blocks from the pooled input side down to <see cref="FinalSide"/>.</summary>
    public static int BlockCount(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int side = spec.ImageSide!.Value / (spec.InputPooling ?? 1);
        return (int)Math.Round(Math.Log2(side / (double)FinalSide));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(Pool(features.forward(Downsample(input)))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override Tensor InferInEvalMode(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(Pool(FoldedBlocks.Forward(features, Downsample(input)))).MoveToOuterDisposeScope();
    }

    private Tensor Downsample(Tensor input)
    {
        var standardised = inputNorm.forward(input);
        return _pooling == 1 ? standardised : nn.functional.avg_pool2d(standardised, kernel_size: _pooling);
    }

    private static Tensor Pool(Tensor x) => x.mean([2, 3]);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inputNorm.Dispose();
            features.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
