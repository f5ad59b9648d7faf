using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Fully connected head of a moment network: features -> hidden -> [mean, sigma] per parameter, with
/// sigma = softplus(raw) + floor so it is positive and has a usable gradient everywhere.
/// </summary>
public sealed class MomentHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly LeakyReLU activation;
    private readonly Dropout dropout;
    private readonly Linear output;
    private readonly int _parameterCount;

    // Held for the module's lifetime: a Scalar converted from a number at each call is freed only by the garbage
    // collector (dotnet/TorchSharp#1434), which may run while libtorch still reads it.
    private readonly Scalar _sigmaFloor;

    /// <summary>Builds the head for <paramref name="inputFeatures"/> inputs.</summary>
    public MomentHead(long inputFeatures, int hiddenFeatures, int parameterCount, double dropoutProbability, double sigmaFloor)
        : base(nameof(MomentHead))
    {
        _parameterCount = parameterCount;
        _sigmaFloor = sigmaFloor.ToScalar();
        hidden = nn.Linear(inputFeatures, hiddenFeatures);
        activation = nn.LeakyReLU(MassCnnBlocks.LeakySlope);
        dropout = nn.Dropout(dropoutProbability);
        output = nn.Linear(hiddenFeatures, 2L * parameterCount);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var raw = output.forward(dropout.forward(activation.forward(hidden.forward(input))));
        var mean = raw.narrow(1, 0, _parameterCount);
        var sigma = nn.functional.softplus(raw.narrow(1, _parameterCount, _parameterCount)).Plus(_sigmaFloor);
        return cat([mean, sigma], 1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hidden.Dispose();
            activation.Dispose();
            dropout.Dispose();
            output.Dispose();
            _sigmaFloor.Dispose();
        }

        base.Dispose(disposing);
    }
}
