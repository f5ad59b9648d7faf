using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Fully connected moment network on a feature vector (reference sheet section 6; Hernandez Martinez et al. 2025):
/// blocks [Linear, LeakyReLU(0.2), Dropout] of <see cref="NetworkSpec.HiddenWidths"/>, the last one inside the
/// shared <see cref="MomentHead"/>, which outputs n means and n positive sigmas. Input [N, F], output [N, 2n].
/// </summary>
public sealed class MomentMlp : MomentNetwork
{
    private readonly Sequential blocks;
    private readonly MomentHead head;

    /// <summary>Builds the network for <paramref name="spec"/> (its id must be <see cref="NetworkSpec.MlpId"/>).</summary>
    public MomentMlp(NetworkSpec spec)
        : base(nameof(MomentMlp), spec)
    {
        if (spec.ArchitectureId != NetworkSpec.MlpId)
        {
            throw new ArgumentException($"MomentMlp needs architecture {NetworkSpec.MlpId}, got {spec.ArchitectureId}.", nameof(spec));
        }

        var widths = spec.HiddenWidths!;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        long features = spec.InputFeatures!.Value;
        for (int k = 0; k < widths.Count - 1; k++)
        {
            layers.Add(nn.Linear(features, widths[k]));
            layers.Add(nn.LeakyReLU(MassCnnBlocks.LeakySlope));
            layers.Add(nn.Dropout(spec.DropoutProbability));
            features = widths[k];
        }

        // An empty Sequential passes its input through: a one-block MLP is the head alone.
        blocks = nn.Sequential(layers);
        head = new MomentHead(features, widths[^1], spec.ParameterCount, spec.DropoutProbability, spec.SigmaFloor);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(blocks.forward(input)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            blocks.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
