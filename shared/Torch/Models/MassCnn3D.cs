using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// CNN on the 50^3 (x, y, v_los) KDE cube (Kodi Ramanah+2020, arXiv:2009.03340; reference sheet section 4): four
/// blocks of one 3x3x3 convolution (50 -> 25 -> 12 -> 6 -> 3, floor division by the pooling), flatten, moment head.
/// Input [N, 1, 50, 50, 50], output [N, 2n].
/// </summary>
public sealed class MassCnn3D : MomentNetwork
{
    /// <summary>Cube side in voxels.</summary>
    public const int CubeSize = 50;

    private const int Blocks = 4;
    private const int HiddenFeatures = 64;

    private readonly Sequential features;
    private readonly Flatten flatten;
    private readonly MomentHead head;
    private readonly int embeddingSize;

    /// <summary>Builds the network for <paramref name="spec"/> (its id must be <see cref="NetworkSpec.Cnn3DId"/>).</summary>
    public MassCnn3D(NetworkSpec spec)
        : base(nameof(MassCnn3D), spec)
    {
        if (spec.ArchitectureId != NetworkSpec.Cnn3DId)
        {
            throw new ArgumentException($"MassCnn3D needs architecture {NetworkSpec.Cnn3DId}, got {spec.ArchitectureId}.", nameof(spec));
        }

        var layers = new List<nn.Module<Tensor, Tensor>>();
        long channels = 1;
        for (int k = 0; k < Blocks; k++)
        {
            long next = (long)spec.BaseChannels << k;
            layers.AddRange(MassCnnBlocks.Block3D(channels, next, convolutions: 1));
            channels = next;
        }

        // 50 -> 25 -> 12 -> 6 -> 3: MaxPool floors odd sizes.
        long side = CubeSize;
        for (int k = 0; k < Blocks; k++)
        {
            side /= 2;
        }

        features = nn.Sequential(layers);
        flatten = nn.Flatten();
        embeddingSize = EmbeddingSizeFor(spec.BaseChannels);
        head = new MomentHead(channels * side * side * side, HiddenFeatures, spec.ParameterCount, spec.DropoutProbability, spec.SigmaFloor);
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
    public static int EmbeddingSizeFor(int baseChannels) => (baseChannels << (Blocks - 1)) * Cube(CubeSize >> Blocks);

    private static int Cube(int side) => side * side * side;

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
