using System.Buffers;
using System.Diagnostics;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting.Metrics;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// profiles → posteriors.params: each stacked profile becomes the model's feature vector (its layout), one batched
/// forward pass runs over the micro-batch (the worker's max batch size and max wait are the dynamic-batching knobs), and
/// every posterior carries the parameters' names, units, mean and sigma, the model's identity, an out-of-distribution
/// flag against the card's feature domain and the layout's floors, provenance and timings. A profile the model cannot
/// read (a kind it needs is absent, its radii do not match, no halo mass) yields a rejected posterior with the reason.
/// </summary>
public sealed class InferParametersStep(IProfileModel model, TimeProvider time) : IStreamStep<StackedProfile, Posterior>
{
    public const string ServiceName = "profile-inference";

    private readonly ProfileFeatureExtractor _extractor = new(model.Layout, model.FeatureDomain);
    private readonly PosteriorCounts _counts = new(ServiceName);

    public Task<IReadOnlyList<StepResult<Posterior>>> ProcessAsync(IReadOnlyList<StreamInput<StackedProfile>> batch, CancellationToken cancellationToken)
    {
        var results = new StepResult<Posterior>[batch.Count];
        var extracted = new List<(int Index, ProfileExtraction.Extracted Features, double FeaturesMs)>(batch.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            var features = _extractor.Extract(batch[i].Message);
            double featuresMs = clock.Elapsed.TotalMilliseconds;
            switch (features)
            {
                case ProfileExtraction.Extracted ok:
                    extracted.Add((i, ok, featuresMs));
                    break;
                case ProfileExtraction.Rejected rejected:
                    ProfileInferenceMetrics.Rejected.WithLabels(ServiceName, rejected.Category).Inc();
                    _counts.Rejected();
                    // A rejected posterior infers nothing: empty parallel lists (the codec requires equal lengths).
                    results[i] = StepResult<Posterior>.Emit(Posterior(batch[i], featuresMs, rejected.Reason, [], []));
                    break;
            }
        }

        if (extracted.Count > 0) Infer(batch, extracted, results);
        return Task.FromResult<IReadOnlyList<StepResult<Posterior>>>(results);
    }

    private void Infer(IReadOnlyList<StreamInput<StackedProfile>> batch, List<(int Index, ProfileExtraction.Extracted Features, double FeaturesMs)> extracted, StepResult<Posterior>[] results)
    {
        int length = model.Layout.FeatureCount;
        var inputs = ArrayPool<float>.Shared.Rent(extracted.Count * length);
        try
        {
            for (int k = 0; k < extracted.Count; k++)
            {
                var values = extracted[k].Features.Values;
                for (int f = 0; f < length; f++) inputs[(k * length) + f] = (float)values[f];
            }

            var clock = Stopwatch.StartNew();
            var predictions = model.Predict(inputs.AsSpan(0, extracted.Count * length), extracted.Count);
            var elapsed = clock.Elapsed;
            _counts.Batch(extracted.Count, model.DeviceName, elapsed);
            int parameters = predictions.ParameterCount;
            for (int k = 0; k < extracted.Count; k++)
            {
                var (index, features, featuresMs) = extracted[k];
                var ood = ProfileDomainCheck.Check(model.FeatureDomain, features);
                _counts.Accepted(ood?.Category);
                var mean = predictions.Mean.AsSpan(k * parameters, parameters).ToArray();
                var sigma = predictions.Sigma.AsSpan(k * parameters, parameters).ToArray();
                results[index] = StepResult<Posterior>.Emit(Posterior(batch[index], featuresMs, null, mean, sigma) with
                {
                    OutOfDistribution = ood is not null,
                    OodReason = ood?.Reason,
                    // The forward pass is shared by the batch: each record carries the batch's share.
                    InferenceMs = elapsed.TotalMilliseconds / extracted.Count,
                });
            }

            _counts.UpdateOodFraction();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(inputs);
        }
    }

    /// <summary>The posterior of one profile: accepted with its moments when <paramref name="rejection"/> is null, else rejected with that reason.</summary>
    private Posterior Posterior(StreamInput<StackedProfile> input, double featuresMs, string? rejection, IReadOnlyList<double> mean, IReadOnlyList<double> sigma)
    {
        var profile = input.Message;
        bool accepted = rejection is null;
        return new Posterior
        {
            ObjectId = profile.ProfileId,
            Survey = profile.Survey,
            Redshift = profile.Redshift,
            // A stack has no detection of its own: the time its profile entered the log stands for it.
            DetectionTime = input.BrokerTimestampUtc,
            Status = accepted ? RecordStatus.Accepted : RecordStatus.Rejected,
            RejectionReason = rejection,
            ParameterNames = accepted ? model.ParameterNames : [],
            ParameterUnits = accepted ? model.ParameterUnits : null,
            Mean = mean,
            Sigma = sigma,
            ModelName = model.Name,
            ModelVersion = model.Version,
            ModelCardSha256 = model.CardSha256,
            OutOfDistribution = false,
            Provenance = new MessageProvenance(input.Source.Topic, input.Source.Partition, input.Source.Offset),
            QueuedMs = Math.Max(0, (input.ConsumedUtc - input.BrokerTimestampUtc).TotalMilliseconds),
            FeaturesMs = featuresMs,
            InferenceMs = 0,
            PublishedUtc = time.GetUtcNow(),
        };
    }
}
