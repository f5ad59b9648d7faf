using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamProcessor.MassInference;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>The shipped model behind the mass-inference step, loaded once for the class.</summary>
public sealed class ShippedModel : IDisposable
{
    public ShippedModel()
    {
        Model = new TorchMassModel(Options.Create(new MassInferenceOptions { Device = "cpu" }), NullLogger<TorchMassModel>.Instance);
        Baselines = ModelBaselines.Load(Model.Folder);
    }

    public TorchMassModel Model { get; }

    public ModelBaselines Baselines { get; }

    public void Dispose() => Model.Dispose();
}
