using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.MapInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.StreamSteps.Tests.MapInference;

/// <summary>
/// The untrained map bundle `pipeline maps`, `bench maps` and the tests serve when no trained CGM model exists: it loads
/// through the trained bundles' path (card, weights, map-layout.json, checks) and answers with the six CGM properties.
/// </summary>
public sealed class UntrainedMapBundleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"untrained-map-bundle-{Guid.NewGuid():N}");

    [Fact]
    public void An_untrained_bundle_loads_as_a_map_model_and_names_the_six_cgm_properties()
    {
        var layout = UntrainedMapBundle.ServedLayout([SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity]);
        var card = UntrainedMapBundle.Save(_folder, layout, CgmParameters.All, baseChannels: 4, seed: 2);

        using var model = TorchMapModel.Load(_folder, TorchSharp.torch.CPU);
        var inputs = new float[2 * layout.InputLength];
        Array.Fill(inputs, 20f);
        var predictions = model.Predict(inputs, 2);

        Assert.Equal("cgm-multifield-cnn-untrained", model.Name);
        Assert.Equal(card.ModelVersion, model.Version);
        Assert.Equal((128, 4.0, "erass4-mhongoose", "tng-like"), (model.Layout.Side, model.Layout.PixelKpc, model.Layout.LimitsProfile, model.Layout.GalaxyFormationModel));
        Assert.Equal(["xray-surface-brightness", "hi-column-density"], MapModelLayout.Read(_folder).Channels.Select(c => c.ToText()));
        Assert.Equal(CgmParameters.All.Select(p => p.Name), model.ParameterNames);
        Assert.Equal(CgmParameters.All.Select(p => p.Unit), model.ParameterUnits);
        Assert.Equal(2 * 6, predictions.Mean.Length);
        Assert.All(predictions.Mean, m => Assert.True(double.IsFinite(m)));
        Assert.All(predictions.Sigma, s => Assert.True(s > 0));
        Assert.Equal(ModelFolder.CardSha256(_folder), model.CardSha256);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
