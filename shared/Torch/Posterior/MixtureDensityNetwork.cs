using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// The network of a <see cref="MixtureDensitySpec"/>: standardised summaries [N, E] in, raw mixture parameters
/// [N, K (1 + 2n)] out; <see cref="Split"/> turns them into log-weights, means and widths in standardised target units.
/// </summary>
public sealed class MixtureDensityNetwork : nn.Module<Tensor, Tensor>
{
    static MixtureDensityNetwork()
    {
        TorchRuntime.EnsureLoaded();
    }

    private readonly Sequential layers;

    // Held for the module's lifetime: a Scalar converted from a number at each call is freed only by the garbage
    // collector (dotnet/TorchSharp#1434), which may run while libtorch still reads it.
    private readonly Scalar _sigmaFloor;

    /// <summary>Builds the untrained network (weights from the current torch seed).</summary>
    public MixtureDensityNetwork(MixtureDensitySpec spec)
        : base(nameof(MixtureDensityNetwork))
    {
        Spec = spec.Validated();
        _sigmaFloor = spec.SigmaFloor.ToScalar();
        var blocks = new List<nn.Module<Tensor, Tensor>>();
        long width = spec.InputFeatures;
        foreach (int hidden in spec.HiddenWidths)
        {
            blocks.Add(nn.Linear(width, hidden));
            blocks.Add(nn.LeakyReLU(MassCnnBlocks.LeakySlope));
            blocks.Add(nn.Dropout(spec.DropoutProbability));
            width = hidden;
        }

        blocks.Add(nn.Linear(width, spec.OutputWidth));
        layers = nn.Sequential(blocks);
        RegisterComponents();
    }

    /// <summary>The architecture this network was built from.</summary>
    public MixtureDensitySpec Spec { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => layers.forward(input);

    /// <summary>
    /// Raw outputs [N, K (1 + 2n)] to log-weights [N, K] (log-softmax), means [N, K, n] and widths [N, K, n]
    /// (softplus + floor), all in standardised target units.
    /// </summary>
    public (Tensor LogWeights, Tensor Means, Tensor Sigmas) Split(Tensor raw)
    {
        int k = Spec.Components;
        int n = Spec.ParameterCount;
        using var scope = NewDisposeScope();
        var logWeights = nn.functional.log_softmax(raw.narrow(1, 0, k), 1);
        var means = raw.narrow(1, k, k * n).reshape(-1, k, n);
        var sigmas = nn.functional.softplus(raw.narrow(1, k + (k * n), k * n)).Plus(_sigmaFloor).reshape(-1, k, n);
        return (logWeights.MoveToOuterDisposeScope(), means.MoveToOuterDisposeScope(), sigmas.MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            layers.Dispose();
            _sigmaFloor.Dispose();
        }

        base.Dispose(disposing);
    }
}
