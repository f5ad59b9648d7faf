using System.Buffers;
using System.Diagnostics;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.Hosting.Metrics;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.MassInference;

/// <summary>
/// features.phase-space → posteriors.mass: one batched forward pass over the micro-batch (the worker's max batch
/// size and max wait are the dynamic-batching knobs), the classical and distribution-regression baselines beside the CNN, an out-of-distribution
/// flag from the model card's training domain. A rejected catalogue yields a rejected posterior: nothing disappears.
/// The network is fed the 2D image or, for a 3D model, the 3D cube (<see cref="IMassModel.Input"/>); a record without
/// the input the model reads is rejected with the reason.
/// </summary>
public sealed class InferMassStep(IMassModel model, ModelBaselines baselines, TimeProvider time) : IStreamStep<PhaseSpaceFeatures, Posterior>
{
    public const string ServiceName = "mass-inference";
    public const string ParameterName = "log10_m200c";

    /// <summary>Unit of <see cref="ParameterName"/>, as the posterior schema's log10_m200c column states it.</summary>
    public const string ParameterUnit = "log10(h^-1 Msun)";

    private readonly PosteriorCounts _counts = new(ServiceName);

    public Task<IReadOnlyList<StepResult<Posterior>>> ProcessAsync(IReadOnlyList<StreamInput<PhaseSpaceFeatures>> batch, CancellationToken cancellationToken)
    {
        var results = new StepResult<Posterior>[batch.Count];
        var accepted = new List<int>(batch.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            var features = batch[i].Message;
            if (features.Status == RecordStatus.Accepted && InputOf(features) is { } image && image.Count == model.InputLength)
            {
                accepted.Add(i);
            }
            else
            {
                string reason = features.RejectionReason ?? (features.Status == RecordStatus.Accepted ? InputMismatch(features) : "rejected upstream");
                results[i] = StepResult<Posterior>.Emit(Rejected(batch[i], reason));
            }
        }

        if (accepted.Count > 0) Infer(batch, accepted, results);
        return Task.FromResult<IReadOnlyList<StepResult<Posterior>>>(results);
    }

    private void Infer(IReadOnlyList<StreamInput<PhaseSpaceFeatures>> batch, List<int> accepted, StepResult<Posterior>[] results)
    {
        int length = model.InputLength;
        // Pooled: a batch of images is a large-object-heap array (64 × 2,304 floats, or 64 × 125,000 for cubes); a new one per batch forces full GCs.
        var images = ArrayPool<float>.Shared.Rent(accepted.Count * length);
        try
        {
            Infer(batch, accepted, results, images.AsSpan(0, accepted.Count * length), length);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(images);
        }
    }

    private void Infer(IReadOnlyList<StreamInput<PhaseSpaceFeatures>> batch, List<int> accepted, StepResult<Posterior>[] results, Span<float> images, int length)
    {
        for (int k = 0; k < accepted.Count; k++)
        {
            var destination = images.Slice(k * length, length);
            var image = InputOf(batch[accepted[k]].Message)!;
            if (image is float[] array) array.CopyTo(destination);
            else for (int p = 0; p < length; p++) destination[p] = image[p];
        }

        var clock = Stopwatch.StartNew();
        var (mean, sigma, quantiles) = model.PredictPosteriors(images, accepted.Count);
        var levels = quantiles is null ? null : model.QuantileLevels;
        double inferenceMs = clock.Elapsed.TotalMilliseconds;
        _counts.Batch(accepted.Count, model.DeviceName, clock.Elapsed);

        for (int k = 0; k < accepted.Count; k++)
        {
            var input = batch[accepted[k]];
            var features = input.Message;
            var image = images.Slice(k * length, length);
            string? ood = OutOfDistributionCheck.Reason(model.TrainingDomain, features.MembersKept, features.SigmaLosKmPerS ?? double.NaN, features.Redshift, image, features.MemberRProjMpcOverH);
            _counts.Accepted(ood is null ? null : OutOfDistributionCheck.Category(ood));
            MassInferenceMetrics.SigmaDex.WithLabels(ServiceName).Observe(sigma[k]);
            results[accepted[k]] = StepResult<Posterior>.Emit(Posterior(input, RecordStatus.Accepted, null) with
            {
                ParameterNames = [ParameterName],
                ParameterUnits = [ParameterUnit],
                Mean = [mean[k]],
                Sigma = [sigma[k]],
                Log10M200c = mean[k],
                SigmaLog10M200c = sigma[k],
                BaselineMsigmaLog10M = MSigmaEstimate(features),
                BaselineVirialLog10M = VirialEstimate(features),
                BaselineDistributionLog10M = DistributionEstimate(features),
                QuantileLevels = levels,
                Quantiles = levels is null ? null : quantiles!.AsSpan(k * levels.Count, levels.Count).ToArray(),
                OutOfDistribution = ood is not null,
                OodReason = ood,
                // The forward pass is shared by the batch: each record carries the batch's share.
                InferenceMs = inferenceMs / accepted.Count,
            });
        }

        _counts.UpdateOodFraction();
    }

    /// <summary>The features field the model reads: the 2D image or the 3D cube.</summary>
    private IReadOnlyList<float>? InputOf(PhaseSpaceFeatures features) => model.Input == MassModelInput.Kde3D ? features.Kde3D : features.Kde2D;

    private string InputMismatch(PhaseSpaceFeatures features) => (model.Input, InputOf(features)) switch
    {
        (MassModelInput.Kde3D, null) => "the model reads the 3D (x, y, v_los) KDE cube and the record has none (phase-space computes it with PhaseSpace:Compute3D)",
        (MassModelInput.Kde3D, { } cube) => $"3D cube has {cube.Count} values, the model needs {model.InputLength}",
        (_, var image) => $"2D image has {image?.Count ?? 0} values, the model needs {model.InputLength}",
    };

    private Posterior Rejected(StreamInput<PhaseSpaceFeatures> input, string reason)
    {
        _counts.Rejected();
        return Posterior(input, RecordStatus.Rejected, reason);
    }

    private Posterior Posterior(StreamInput<PhaseSpaceFeatures> input, RecordStatus status, string? reason)
    {
        var features = input.Message;
        return new Posterior
        {
            ObjectId = features.ClusterId,
            Survey = features.Survey,
            Redshift = features.Redshift,
            DetectionTime = features.DetectionTime,
            ModelName = model.Name,
            ModelVersion = model.Version,
            ModelCardSha256 = model.CardSha256,
            // A rejected posterior infers nothing: empty parallel lists (the codec requires equal lengths).
            ParameterNames = [],
            Mean = [],
            Sigma = [],
            Status = status,
            RejectionReason = reason,
            TrueLog10M200c = features.TrueLog10M200c,
            MembersKept = features.MembersKept,
            SigmaLosKmPerS = features.SigmaLosKmPerS,
            OutOfDistribution = false,
            CatalogueId = features.ClusterId,
            // Provenance of the original detection: the catalogue record the features were made from.
            Provenance = features.Provenance,
            QueuedMs = Math.Max(0, (input.ConsumedUtc - input.BrokerTimestampUtc).TotalMilliseconds),
            FeaturesMs = features.FeaturesMs,
            InferenceMs = 0,
            PublishedUtc = time.GetUtcNow(),
        };
    }

    private double? MSigmaEstimate(PhaseSpaceFeatures features) =>
        baselines.FittedMSigma is { } fitted && features.SigmaLosKmPerS is > 0 and var sigma ? fitted.PredictLog10M200c(sigma) : null;

    /// <summary>The distribution-regression baseline on the kept members; null without the model, or when it refuses (fewer than 3 members, non-finite values).</summary>
    private double? DistributionEstimate(PhaseSpaceFeatures features) =>
        baselines.DistributionRegression is { } regression && features is { MemberRProjMpcOverH: { } r, MemberVLosKmPerS: { } v } && r.Count == v.Count
            ? regression.PredictLog10M200c(r as double[] ?? [.. r], v as double[] ?? [.. v], features.Redshift)
            : null;

    private static double? VirialEstimate(PhaseSpaceFeatures features)
    {
        if (features is not { MemberXMpcOverH: { } x, MemberYMpcOverH: { } y, MemberVLosKmPerS: { } v } || v.Count < 3) return null;
        try
        {
            double mass = VirialMassEstimator.MassMsunOverH(x.ToArray(), y.ToArray(), v.ToArray(), DispersionEstimator.SampleStandardDeviation);
            return mass > 0 && double.IsFinite(mass) ? Math.Log10(mass) : null;
        }
        catch (ArgumentException)
        {
            // Coincident galaxies in projection: the estimator is undefined; the posterior goes out without it.
            return null;
        }
    }
}
