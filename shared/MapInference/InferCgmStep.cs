using System.Buffers;
using System.Diagnostics;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting.Metrics;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.MapInference;

/// <summary>
/// features.maps → posteriors.cgm: each record goes to the model reading exactly its channels (multifield when X-ray
/// and HI both arrived, a single-field model when the join published one field), one batched forward pass per model
/// over the micro-batch, and every posterior carries the parameters' names, units, mean and sigma, the serving model's
/// identity, an out-of-distribution flag (card feature domain of the map summaries; a survey profile other than the
/// training one; a partial join), provenance and timings. A record no model can read yields a rejected posterior with
/// the reason; a rejected features record passes its reason on.
/// </summary>
public sealed class InferCgmStep(MapModelSet models, TimeProvider time) : IStreamStep<MapFeatures, Posterior>
{
    public const string ServiceName = "map-inference";

    private readonly PosteriorCounts _counts = new(ServiceName);

    public Task<IReadOnlyList<StepResult<Posterior>>> ProcessAsync(IReadOnlyList<StreamInput<MapFeatures>> batch, CancellationToken cancellationToken)
    {
        var results = new StepResult<Posterior>[batch.Count];
        var byModel = new Dictionary<IMapModel, List<int>>();
        for (int i = 0; i < batch.Count; i++)
        {
            var features = batch[i].Message;
            string? rejection = RejectionOf(features, out var model);
            if (rejection is not null)
            {
                MapInferenceMetrics.Rejected.WithLabels(ServiceName, rejection.StartsWith("features rejected", StringComparison.Ordinal) ? "features-rejected" : "no-model").Inc();
                _counts.Rejected();
                results[i] = StepResult<Posterior>.Emit(Posterior(batch[i], model: null, rejection, [], []));
                continue;
            }

            if (!byModel.TryGetValue(model!, out var rows)) byModel[model!] = rows = [];
            rows.Add(i);
        }

        foreach (var (model, rows) in byModel) Infer(model, batch, rows, results);
        return Task.FromResult<IReadOnlyList<StepResult<Posterior>>>(results);
    }

    private string? RejectionOf(MapFeatures features, out IMapModel? model)
    {
        model = null;
        if (features.Status == RecordStatus.Rejected)
        {
            return $"features rejected: {features.RejectionReason}";
        }

        model = models.For(features.Channels);
        if (model is null)
        {
            return $"no model reads channels {MapModelLayout.Label(features.Channels)} (served: {models.Served})";
        }

        var layout = model.Layout;
        if (features.Side != layout.Side || Math.Abs(features.PixelKpc - layout.PixelKpc) > 1e-6 * layout.PixelKpc)
        {
            string reason = $"grid {features.Side}x{features.Side} at {features.PixelKpc:G4} kpc, the model reads {layout.Side}x{layout.Side} at {layout.PixelKpc:G4} kpc";
            model = null;
            return reason;
        }

        return features.Log10Pixels is { } pixels && pixels.Count == layout.InputLength ? null : "features carry no pixels of the expected length";
    }

    private void Infer(IMapModel model, IReadOnlyList<StreamInput<MapFeatures>> batch, List<int> rows, StepResult<Posterior>[] results)
    {
        int length = model.Layout.InputLength;
        var inputs = ArrayPool<float>.Shared.Rent(rows.Count * length);
        try
        {
            for (int k = 0; k < rows.Count; k++)
            {
                var pixels = batch[rows[k]].Message.Log10Pixels!;
                var target = inputs.AsSpan(k * length, length);
                for (int p = 0; p < length; p++) target[p] = pixels[p];
            }

            var clock = Stopwatch.StartNew();
            var predictions = model.Predict(inputs.AsSpan(0, rows.Count * length), rows.Count);
            var elapsed = clock.Elapsed;
            _counts.Batch(rows.Count, model.DeviceName, elapsed);
            MapInferenceMetrics.ByModel.WithLabels(ServiceName, model.Layout.ChannelLabel).Inc(rows.Count);
            int n = predictions.ParameterCount;
            for (int k = 0; k < rows.Count; k++)
            {
                var input = batch[rows[k]];
                var ood = DomainCheck(model, input.Message, inputs.AsSpan(k * length, length));
                _counts.Accepted(ood?.Category);
                results[rows[k]] = StepResult<Posterior>.Emit(Posterior(input, model, null,
                    predictions.Mean.AsSpan(k * n, n).ToArray(), predictions.Sigma.AsSpan(k * n, n).ToArray()) with
                {
                    OutOfDistribution = ood is not null,
                    OodReason = ood?.Reason,
                    // The forward pass is shared by the batch: each record carries the batch's share.
                    InferenceMs = elapsed.TotalMilliseconds / rows.Count,
                });
            }

            _counts.UpdateOodFraction();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(inputs);
        }
    }

    /// <summary>Null inside the training domain; else a low-cardinality category (the first) and every reason, joined.</summary>
    internal static (string Category, string Reason)? DomainCheck(IMapModel model, MapFeatures features, ReadOnlySpan<float> maps)
    {
        var reasons = new List<(string, string)>();
        if (!string.Equals(features.LimitsProfile, model.Layout.LimitsProfile, StringComparison.Ordinal))
        {
            reasons.Add(("limits-profile", $"maps under survey limits '{features.LimitsProfile}', the model was trained under '{model.Layout.LimitsProfile}'"));
        }

        if (features.MissingChannels.Count > 0)
        {
            reasons.Add(("partial-join", $"{MapModelLayout.Label(features.MissingChannels)} did not arrive; served by the {model.Layout.ChannelLabel} model"));
        }

        if (model.FeatureDomain is { } domain)
        {
            var summary = MapSummary.Of(maps, model.Layout.Channels.Count, model.Layout.Side);
            foreach (string violation in domain.Violations(summary)) reasons.Add(("feature-domain", violation));
        }

        return reasons.Count == 0 ? null : (reasons[0].Item1, string.Join("; ", reasons.Select(r => r.Item2)));
    }

    private Posterior Posterior(StreamInput<MapFeatures> input, IMapModel? model, string? rejection, IReadOnlyList<double> mean, IReadOnlyList<double> sigma)
    {
        var features = input.Message;
        bool accepted = rejection is null;
        var first = models.Models[0];
        return new Posterior
        {
            ObjectId = features.ObjectId,
            Survey = features.Survey,
            Redshift = features.Redshift,
            // Maps carry no detection time: the time the features entered the log stands for it.
            DetectionTime = input.BrokerTimestampUtc,
            Status = accepted ? RecordStatus.Accepted : RecordStatus.Rejected,
            RejectionReason = rejection,
            ParameterNames = accepted ? model!.ParameterNames : [],
            ParameterUnits = accepted ? model!.ParameterUnits : null,
            Mean = mean,
            Sigma = sigma,
            ModelName = (model ?? first).Name,
            ModelVersion = (model ?? first).Version,
            ModelCardSha256 = (model ?? first).CardSha256,
            OutOfDistribution = false,
            Provenance = new MessageProvenance(input.Source.Topic, input.Source.Partition, input.Source.Offset),
            QueuedMs = Math.Max(0, (input.ConsumedUtc - input.BrokerTimestampUtc).TotalMilliseconds),
            FeaturesMs = features.FeaturesMs + features.JoinMs,
            InferenceMs = 0,
            PublishedUtc = time.GetUtcNow(),
        };
    }
}
