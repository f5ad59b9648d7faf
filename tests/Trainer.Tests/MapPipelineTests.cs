using StreamProcessor.MapInference;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Trainer.Maps;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// The map branch's trainer commands end to end on a few generated haloes (tiny network, one epoch): train writes a
/// bundle map-inference can load, evaluate fills per-class, cross-model and (for the cluster CNN) M–L_X baseline
/// metric sets, compare tabulates them. The numbers are meaningless at this size; the plumbing is what is tested.
/// </summary>
public sealed class MapPipelineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("map-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Train_evaluate_and_compare_a_multifield_cgm_cnn()
    {
        var log = new StringWriter();
        string model = Path.Combine(_folder, "multifield");
        var record = new MapTrainingRecord("tng-like", ["xray", "hi"], "erass4-mhongoose", Haloes: 120, 11.5, 14.3, MassOnly: false, GeneratorSeed: 5);

        Assert.Equal(0, await MapTrainCommand.RunAsync(model, record, epochs: 1, baseChannels: 2, pooling: 4, learningRate: 1e-3, seed: 5, threads: 1, log));
        Assert.Equal(0, MapEvaluateCommand.Run(model, crossModel: true, log));
        Assert.Equal(0, MapCompareCommand.Run([model], Path.Combine(_folder, "compare"), log));
        string overlay = Path.Combine(_folder, "explain.png");
        Assert.Equal(0, MapExplainCommand.Run(model, haloIndex: 500, projection: 1, "f_cgm", steps: 8, overlay, log, writeFits: true));
        Assert.True(new FileInfo(overlay).Length > 5_000);
        var attribution = StreamProcessor.Fits.FitsReader.Read(Path.Combine(_folder, "explain.hi.fits"));
        Assert.Equal((128, 128, "dimensionless"), (attribution.Width, attribution.Height, attribution.Bunit));
        Assert.Contains("maps explain: halo 500 projection 1: f_cgm true", log.ToString());

        var card = ModelBundle.ReadCard(model);
        Assert.Equal(["log_m_halo", "f_cgm", "log_z_cgm", "log_m_cgm_200kpc", "f_cool", "log_t_cgm"], card.ParameterNames);
        Assert.Equal(6, card.Metrics!.PerParameter.Count);
        Assert.Contains(card.AdditionalMetrics!, m => m.Split.StartsWith("cross-model: simba-like", StringComparison.Ordinal));
        Assert.Contains(card.AdditionalMetrics!, m => m.Split.StartsWith(MapEvaluateCommand.ClassPrefix, StringComparison.Ordinal));
        Assert.Equal(6, card.FeatureDomain!.Ranges.Count);
        Assert.True(File.Exists(Path.Combine(model, "plots", "predicted-vs-true.png")));
        Assert.Contains("| xray+hi, erass4-mhongoose (tng-like, 120 haloes) |", File.ReadAllText(Path.Combine(_folder, "compare", "maps-comparison.md")));

        using var served = TorchMapModel.Load(model, TorchSharp.torch.CPU);
        Assert.Equal("xray+hi", served.Layout.ChannelLabel);
        Assert.Equal((128, 4.0, "erass4-mhongoose"), (served.Layout.Side, served.Layout.PixelKpc, served.Layout.LimitsProfile));
        var predictions = served.Predict(new float[served.Layout.InputLength].AsSpan().ToArray().Select(_ => 35f).ToArray(), 1);
        Assert.All(predictions.Sigma, s => Assert.True(s > 0));
    }

    [Fact]
    public async Task The_cluster_mass_cnn_is_evaluated_against_an_m_lx_power_law_fitted_on_its_training_haloes()
    {
        var log = new StringWriter();
        string model = Path.Combine(_folder, "cluster");
        var record = new MapTrainingRecord("tng-like", ["xray"], "erass4-mhongoose", Haloes: 40, 13.0, 14.3, MassOnly: true, GeneratorSeed: 6);

        Assert.Equal(0, await MapTrainCommand.RunAsync(model, record, epochs: 1, baseChannels: 2, pooling: 4, learningRate: 1e-3, seed: 6, threads: 1, log));
        Assert.Equal(0, MapEvaluateCommand.Run(model, crossModel: false, log));

        var card = ModelBundle.ReadCard(model);
        Assert.Equal(["log_m_halo"], card.ParameterNames);
        var baseline = Assert.Single(card.AdditionalMetrics!, m => m.Split.StartsWith(MapEvaluateCommand.BaselinePrefix, StringComparison.Ordinal));
        // Cluster X-ray luminosity rises steeply with mass: even 28 training haloes give a tight, positive-slope law.
        Assert.True(baseline.PerParameter["log_m_halo"].PearsonR > 0.8, log.ToString());
        Assert.Contains("M-L_X fit on", log.ToString());
    }
}
