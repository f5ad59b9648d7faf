using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// CNN on the 48 x 48 phase-space KDE image (Ho+2019, arXiv:1902.05950; reference sheet section 4): four blocks of
/// two 3x3 convolutions (48 -> 24 -> 12 -> 6 -> 3), flatten, moment head. Input [N, 1, 48, 48], output [N, 2n].
/// </summary>
public sealed class MassCnn2D : MomentNetwork
{
    /// <summary>Image side in pixels.</summary>
    public const int ImageSize = 48;

    private const int Blocks = 4;
    private const int HiddenFeatures = 64;

    private readonly Sequential features;
    private readonly Flatten flatten;
    private readonly MomentHead head;
    private readonly int embeddingSize;

    /// <summary>Builds the network for <paramref name="spec"/> (its id must be <see cref="NetworkSpec.Cnn2DId"/>).</summary>
    public MassCnn2D(NetworkSpec spec)
        : base(nameof(MassCnn2D), spec)
    {
        if (spec.ArchitectureId != NetworkSpec.Cnn2DId)
        {
            throw new ArgumentException($"MassCnn2D needs architecture {NetworkSpec.Cnn2DId}, got {spec.ArchitectureId}.", nameof(spec));
        }

        var layers = new List<nn.Module<Tensor, Tensor>>();
        long channels = 1;
        for (int k = 0; k < Blocks; k++)
        {
            long next = (long)spec.BaseChannels << k;
            layers.AddRange(MassCnnBlocks.Block2D(channels, next, convolutions: 2));
            channels = next;
        }

        long side = ImageSize >> Blocks;
        features = nn.Sequential(layers);
        flatten = nn.Flatten();
        embeddingSize = EmbeddingSizeFor(spec.BaseChannels);
        head = new MomentHead(channels * side * side, HiddenFeatures, spec.ParameterCount, spec.DropoutProbability, spec.SigmaFloor);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(flatten.forward(features.forward(input))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override Tensor InferInEvalMode(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(flatten.forward(FoldedBlocks.Forward(features, input))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override int? EmbeddingSize => embeddingSize;

    /// <summary>Flattened width of the last block's output for <paramref name="baseChannels"/>: (base × 2^(blocks−1)) channels × side^d.</summary>
    public static int EmbeddingSizeFor(int baseChannels) => (baseChannels << (Blocks - 1)) * (ImageSize >> Blocks) * (ImageSize >> Blocks);

    /// <inheritdoc />
    public override (Tensor Moments, Tensor Embedding) InferWithEmbedding(Tensor input)
    {
        using var scope = NewDisposeScope();
        var embedding = flatten.forward(training ? features.forward(input) : FoldedBlocks.Forward(features, input));
        var moments = head.forward(embedding);
        return (moments.MoveToOuterDisposeScope(), embedding.MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            features.Dispose();
            flatten.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
