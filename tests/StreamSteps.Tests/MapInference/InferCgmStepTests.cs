using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.MapInference;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;

namespace StreamProcessor.StreamSteps.Tests.MapInference;

/// <summary>
/// The map-inference step with arithmetic stand-in models (no libtorch): each record goes to the model reading its
/// channels, one forward pass per model per batch, rejected records still publish, and the OOD flag names why.
/// </summary>
public sealed class InferCgmStepTests
{
    private const int Side = 8;
    private static readonly PosteriorCodec Codec = new();

    private static readonly SkyMapFieldKind[] Both = [SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity];
    private static readonly SkyMapFieldKind[] XrayOnly = [SkyMapFieldKind.XraySurfaceBrightness];

    [Fact]
    public async Task Each_record_is_served_by_the_model_reading_its_channels_in_one_pass_per_model()
    {
        var multifield = new MeanModel("multifield", Both);
        var xray = new MeanModel("xray", XrayOnly);
        var step = new InferCgmStep(new MapModelSet([multifield, xray]), TimeProvider.System);
        var records = new[] { Features("a", Both, 2f), Features("b", XrayOnly, 3f) with { MissingChannels = [SkyMapFieldKind.HiColumnDensity] }, Features("c", Both, 4f) };

        var posteriors = await InferAsync(step, records);

        Assert.Equal(["multifield", "xray", "multifield"], posteriors.Select(p => p.ModelName));
        Assert.Equal([2.0, 3.0, 4.0], posteriors.Select(p => p.Mean[0]));
        Assert.Equal((1, 1), (multifield.Calls, xray.Calls));
        Assert.All(posteriors, p => Assert.Equal(RecordStatus.Accepted, p.Status));
        Assert.Equal(["log10_halo_mass", "f_cgm"], posteriors[0].ParameterNames);
        Assert.Equal(["dex(M_sun)", "dimensionless"], posteriors[0].ParameterUnits!);
        Assert.False(posteriors[0].OutOfDistribution, posteriors[0].OodReason);
        Assert.True(posteriors[1].OutOfDistribution);
        Assert.Contains("hi did not arrive", posteriors[1].OodReason);
        Assert.Equal(new MessageProvenance(Topics.MapFeatures, 0, 1), posteriors[1].Provenance);
        foreach (var p in posteriors) Codec.Decode(Codec.Encode(p));
    }

    [Fact]
    public async Task Records_no_model_reads_and_rejected_features_publish_a_rejected_posterior_with_the_reason()
    {
        var step = new InferCgmStep(new MapModelSet([new MeanModel("multifield", Both)]), TimeProvider.System);
        var rejectedFeatures = Features("r", Both, 1f) with { Status = RecordStatus.Rejected, RejectionReason = "pixel scale missing", Log10Pixels = null };
        var records = new[] { Features("x", XrayOnly, 1f), rejectedFeatures, Features("g", Both, 1f) with { Side = 16, Log10Pixels = new float[2 * 16 * 16] } };

        var posteriors = await InferAsync(step, records);

        Assert.All(posteriors, p => Assert.Equal(RecordStatus.Rejected, p.Status));
        Assert.Contains("no model reads channels xray (served: xray+hi)", posteriors[0].RejectionReason);
        Assert.Equal("features rejected: pixel scale missing", posteriors[1].RejectionReason);
        Assert.Contains("grid 16x16", posteriors[2].RejectionReason);
        foreach (var p in posteriors)
        {
            Assert.Empty(p.ParameterNames);
            Codec.Decode(Codec.Encode(p));
        }
    }

    [Fact]
    public async Task Maps_outside_the_training_summaries_or_under_other_survey_limits_are_flagged()
    {
        var domain = new FeatureDomain(
            MapSummary.Names(["xray", "hi"]),
            [new(1.5, 2.5), new(1.5, 2.5), new(0, 1), new(1.5, 2.5), new(1.5, 2.5), new(0, 1)],
            MaxFeaturesOutside: 0);
        var step = new InferCgmStep(new MapModelSet([new MeanModel("multifield", Both, domain)]), TimeProvider.System);
        var records = new[]
        {
            Features("inside", Both, 2f),
            Features("bright", Both, 9f),
            Features("other-limits", Both, 2f) with { LimitsProfile = "idealised" },
        };

        var posteriors = await InferAsync(step, records);

        Assert.False(posteriors[0].OutOfDistribution, posteriors[0].OodReason);
        Assert.True(posteriors[1].OutOfDistribution);
        Assert.Contains("xray.mean_log10 9 outside [1.5, 2.5]", posteriors[1].OodReason);
        Assert.True(posteriors[2].OutOfDistribution);
        Assert.Contains("survey limits 'idealised'", posteriors[2].OodReason);
    }

    [Fact]
    public void Map_summaries_are_the_mean_the_99th_percentile_and_the_fraction_at_the_floor_per_channel()
    {
        var maps = new float[2 * 100];
        for (int i = 0; i < 100; i++)
        {
            maps[i] = i < 40 ? 1f : 2f + (i / 100f);
            maps[100 + i] = 5f;
        }

        var summary = MapSummary.Of(maps, channels: 2, side: 10);

        Assert.Equal(0.4 + (0.6 * 2) + (Enumerable.Range(40, 60).Sum() / 100.0 / 100.0), summary[0], 1e-5);
        Assert.Equal(2.99, summary[1], 1e-5);
        Assert.Equal(0.4, summary[2], 1e-12);
        Assert.Equal([5.0, 5.0, 1.0], summary[3..]);
    }

    private static async Task<IReadOnlyList<Posterior>> InferAsync(InferCgmStep step, IReadOnlyList<MapFeatures> records)
    {
        var inputs = records.Select((r, i) => StepInputs.At(r, r.ObjectId, Topics.MapFeatures, 0, i)).ToList();
        var results = await step.ProcessAsync(inputs, CancellationToken.None);
        return [.. results.Select(r => Assert.Single(Assert.IsType<Hosting.Worker.StepResult<Posterior>.Emitted>(r).Outputs))];
    }

    private static MapFeatures Features(string id, SkyMapFieldKind[] channels, float value) => new()
    {
        ObjectId = id,
        Survey = "test",
        Redshift = 0.05,
        Status = RecordStatus.Accepted,
        Channels = channels,
        MissingChannels = [],
        Side = Side,
        PixelKpc = 4,
        Log10Pixels = Enumerable.Repeat(value, channels.Length * Side * Side).ToArray(),
        LimitsProfile = "erass4-mhongoose",
        FlooredFraction = [.. channels.Select(_ => 0.0)],
        SourceMapIds = [.. channels.Select(c => $"{id}-{c}")],
        Provenance = new MessageProvenance(Topics.Maps, 0, 0),
        JoinMs = 1,
        FeaturesMs = 1,
        ComputedUtc = StepInputs.Logged,
        CodeVersion = "test",
    };

    /// <summary>Mean of the first channel as every parameter's mean, sigma 0.1: checks routing without a network.</summary>
    private sealed class MeanModel(string name, IReadOnlyList<SkyMapFieldKind> channels, FeatureDomain? domain = null) : IMapModel
    {
        public int Calls { get; private set; }
        public string Name => name;
        public string Version => "1";
        public string CardSha256 => new('0', 64);
        public string DeviceName => "cpu";
        public MapModelLayout Layout { get; } = new(channels, Side, 4, "erass4-mhongoose", "tng-like");
        public IReadOnlyList<string> ParameterNames => ["log10_halo_mass", "f_cgm"];
        public IReadOnlyList<string> ParameterUnits => ["dex(M_sun)", "dimensionless"];
        public FeatureDomain? FeatureDomain => domain;

        public MomentPredictions Predict(ReadOnlySpan<float> maps, int count)
        {
            Calls++;
            int length = Layout.InputLength;
            var mean = new double[count * 2];
            for (int i = 0; i < count; i++)
            {
                double first = 0;
                for (int p = 0; p < Side * Side; p++) first += maps[(i * length) + p];
                mean[2 * i] = mean[(2 * i) + 1] = first / (Side * Side);
            }

            return new MomentPredictions(count, 2, mean, [.. Enumerable.Repeat(0.1, count * 2)]);
        }
    }
}
