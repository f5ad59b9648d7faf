using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.MassInference;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>
/// A 3D-cube bundle (untrained: its shape, card and loading path are a trained one's) served end to end: phase-space
/// with <c>Compute3D</c> → mass-inference feeds the cube; a record without a cube becomes a rejected posterior that
/// says why, never a crash.
/// </summary>
public sealed class InferMassStep3DTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mass-cnn-3d-untrained-").FullName;
    private readonly TorchMassModel _model;

    public InferMassStep3DTests()
    {
        TorchRuntime.EnsureLoaded();
        UntrainedBundle.Save(_folder, "dynamical-mass-cnn-3d", NetworkSpec.Cnn3D() with { BaseChannels = 2 },
            [new ParameterDefinition(InferMassStep.ParameterName, InferMassStep.ParameterUnit, 13.5, 15.3, true, "mass", "log10 M200c")], seed: 5);
        _model = new TorchMassModel(Options.Create(new MassInferenceOptions { ModelPath = _folder, Device = "cpu" }), NullLogger<TorchMassModel>.Instance);
    }

    [Fact]
    public async Task A_3D_bundle_is_fed_the_cube_and_a_record_without_one_is_rejected_with_the_reason()
    {
        Assert.Equal(MassModelInput.Kde3D, _model.Input);
        var catalogues = DemoSurvey.Generate(3, seed: 21);
        var withCube = await MassPath.FeaturesAsync(catalogues, new PhaseSpaceOptions { Compute3D = true });
        var withoutCube = await MassPath.FeaturesAsync(catalogues.Take(1).ToList(), new PhaseSpaceOptions { Compute3D = false });
        Assert.All(withCube, f => Assert.Equal(RecordStatus.Accepted, f.Status));
        Assert.Null(withoutCube[0].Kde3D);
        var records = withCube.Concat(withoutCube).ToList();
        var inputs = records.Select((f, i) => StepInputs.At(f, f.ClusterId, Topics.PhaseSpaceFeatures, 0, i)).ToList();

        var step = new InferMassStep(_model, new ModelBaselines(null), TimeProvider.System);
        var posteriors = (await step.ProcessAsync(inputs, CancellationToken.None))
            .Select(r => Assert.Single(Assert.IsType<StepResult<Posterior>.Emitted>(r).Outputs)).ToList();

        var codec = new PosteriorCodec();
        foreach (var p in posteriors.Take(withCube.Count))
        {
            Assert.Equal(RecordStatus.Accepted, p.Status);
            Assert.Equal("dynamical-mass-cnn-3d", p.ModelName);
            // The untrained network's targets are centred on the prior with a quarter of its width as σ.
            Assert.InRange(p.Log10M200c!.Value, 12, 17);
            Assert.True(p.SigmaLog10M200c > 0);
            codec.Decode(codec.Encode(p));
        }

        var rejected = posteriors[^1];
        Assert.Equal(RecordStatus.Rejected, rejected.Status);
        Assert.Contains("3D (x, y, v_los) KDE cube", rejected.RejectionReason);
        Assert.Contains("PhaseSpace:Compute3D", rejected.RejectionReason);
        Assert.Empty(rejected.ParameterNames);
        Assert.Equal(RecordStatus.Rejected, codec.Decode(codec.Encode(rejected)).Status);
    }

    [Fact]
    public async Task The_shipped_3D_model_finds_the_phase_space_services_cubes_inside_its_image_domain()
    {
        using var shipped = new TorchMassModel(
            Options.Create(new MassInferenceOptions { ModelPath = "models/mass-cnn-3d", Device = "cpu" }), NullLogger<TorchMassModel>.Instance);
        var features = await MassPath.FeaturesAsync(DemoSurvey.Generate(6, seed: 23), new PhaseSpaceOptions { Compute3D = true });
        var inputs = features.Select((f, i) => StepInputs.At(f, f.ClusterId, Topics.PhaseSpaceFeatures, 0, i)).ToList();

        var step = new InferMassStep(shipped, ModelBaselines.Load(shipped.Folder), TimeProvider.System);
        var posteriors = (await step.ProcessAsync(inputs, CancellationToken.None))
            .Select(r => Assert.Single(Assert.IsType<StepResult<Posterior>.Emitted>(r).Outputs)).ToList();

        Assert.All(posteriors, p =>
        {
            Assert.Equal(RecordStatus.Accepted, p.Status);
            Assert.StartsWith("dynamical-mass-cnn-3d-", p.ModelVersion);
            // The card's image domain was measured on training cubes; a cube from the service must not fall outside it.
            Assert.DoesNotContain("image_", p.OodReason ?? string.Empty);
        });
    }

    public void Dispose()
    {
        _model.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
