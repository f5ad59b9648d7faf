using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Fully connected moment network on a feature vector (reference sheet section 6; Hernandez Martinez et al. 2025):
/// blocks [Linear, LeakyReLU(0.2), Dropout] of <see cref="NetworkSpec.HiddenWidths"/>, the last one inside the
/// shared <see cref="MomentHead"/>, which outputs n means and n positive sigmas. Input [N, F], output [N, 2n]. With
/// <see cref="NetworkSpec.WhitenedInputs"/> a frozen linear layer first maps the F inputs onto K whitened principal
/// axes (<see cref="Training.InputWhitening"/>), set once before training by <see cref="SetInputWhitening"/>.
/// </summary>
public sealed class MomentMlp : MomentNetwork
{
    private readonly Linear? whitening;
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
        if (spec.WhitenedInputs is { } whitened)
        {
            whitening = nn.Linear(features, whitened);
            foreach (var parameter in whitening.parameters())
            {
                parameter.requires_grad = false;
            }

            features = whitened;
        }

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

    /// <summary>
    /// Sets the frozen whitening layer: <paramref name="weight"/> row-major [K, F], <paramref name="bias"/> [K]. Only for a
    /// spec with <see cref="NetworkSpec.WhitenedInputs"/> = K.
    /// </summary>
    public void SetInputWhitening(float[] weight, float[] bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (whitening is null)
        {
            throw new InvalidOperationException("This network has no whitening layer (NetworkSpec.WhitenedInputs is null).");
        }

        long k = whitening.weight!.shape[0];
        long f = whitening.weight.shape[1];
        if (weight.Length != k * f || bias.Length != k)
        {
            throw new ArgumentException($"The whitening layer takes a {k} x {f} weight and {k} biases, got {weight.Length} and {bias.Length} values.");
        }

        using var noGrad = no_grad();
        using var w = tensor(weight, [k, f]);
        using var b = tensor(bias, [k]);
        whitening.weight.copy_(w);
        whitening.bias!.copy_(b);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = whitening is null ? input : whitening.forward(input);
        return head.forward(blocks.forward(features)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            whitening?.Dispose();
            blocks.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
