using StreamProcessor.Torch.Native;
using StreamProcessor.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// Trains a posterior head on a frozen moment network's embeddings (neural posterior estimation, Papamakarios &amp;
/// Murray 2016, arXiv:1605.06376): minimise the negative log density of the true parameters (<see cref="MixtureLoss"/>)
/// over simulated pairs with Adam, clip the gradient norm, skip non-finite batches, stop when the validation loss has
/// not improved for <see cref="PosteriorHeadOptions.Patience"/> epochs and keep the best epoch's weights.
/// </summary>
/// <remarks>
/// The embeddings are computed once with the moment network in eval mode, so the head never changes the network and
/// the moment posterior published beside it stays the one its card measured. Reproducible for fixed inputs, options,
/// device, kernels and thread count (seeded through <see cref="TrainingEnvironment"/>).
/// </remarks>
public static class MixtureDensityTrainer
{
    /// <summary>Trains a head of <paramref name="spec"/>; targets are standardised with the moment network's target moments.</summary>
    public static (MixturePosteriorHead Head, PosteriorHeadTraining Summary) Train(
        EmbeddedSamples train,
        EmbeddedSamples validation,
        MixtureDensitySpec spec,
        IReadOnlyList<double> targetMean,
        IReadOnlyList<double> targetStd,
        PosteriorHeadOptions options,
        Device device,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        spec = spec.Validated();
        options = options.Validated();
        train = train.Validated();
        validation = validation.Validated();
        if (train.EmbeddingSize != spec.InputFeatures || validation.EmbeddingSize != spec.InputFeatures
            || train.ParameterCount != spec.ParameterCount || validation.ParameterCount != spec.ParameterCount)
        {
            throw new ArgumentException($"{spec.ArchitectureId} reads {spec.InputFeatures} features for {spec.ParameterCount} parameters; the samples do not match.");
        }

        if (train.Count < 2 || validation.Count < 2)
        {
            throw new ArgumentException($"Need at least 2 training and 2 validation samples; got {train.Count} and {validation.Count}.");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (embeddingMean, embeddingStd) = FeatureMoments(train);
        using var environment = TrainingEnvironment.Enter(new TrainingOptions { Seed = options.Seed, IntraOpThreads = options.IntraOpThreads }, device);
        var head = new MixturePosteriorHead(new MixtureDensityNetwork(spec), embeddingMean, embeddingStd, targetMean, targetStd, device);
        try
        {
            var summary = Run(head, train, validation, options, environment.Machine, started, log, cancellationToken);
            return (head, summary);
        }
        catch
        {
            head.Dispose();
            throw;
        }
    }

    private static PosteriorHeadTraining Run(
        MixturePosteriorHead head,
        EmbeddedSamples train,
        EmbeddedSamples validation,
        PosteriorHeadOptions options,
        Bundles.TrainingMachine machine,
        System.Diagnostics.Stopwatch started,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        var network = head.Network;
        int batchSize = Math.Min(options.BatchSize, train.Count);
        int steps = train.Count / batchSize;
        // ln Π_p std_p: the Jacobian that turns a standardised log density into a physical one.
        double logJacobian = head.TargetStd.Sum(Math.Log);
        using var optimizer = optim.Adam(network.parameters(), lr: options.LearningRate, weight_decay: options.WeightDecay);
        var shuffle = new Random(options.Seed);
        int[] order = [.. Enumerable.Range(0, train.Count)];
        Dictionary<string, Tensor>? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0;
        int sinceBest = 0;
        int skipped = 0;
        int consecutiveSkipped = 0;
        int epoch = 0;
        try
        {
            while (epoch < options.MaxEpochs && sinceBest < options.Patience)
            {
                epoch++;
                shuffle.Shuffle(order);
                network.train();
                double lossSum = 0;
                int applied = 0;
                for (int step = 0; step < steps; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    bool done = Step(head, optimizer, train, order.AsSpan(step * batchSize, batchSize), options.MaxGradientNorm, out double loss);
                    if (!done)
                    {
                        skipped++;
                        if (++consecutiveSkipped >= 5)
                        {
                            throw new InvalidOperationException($"5 consecutive batches up to epoch {epoch} had a non-finite loss or gradient; check the embeddings or lower the learning rate.");
                        }

                        continue;
                    }

                    consecutiveSkipped = 0;
                    lossSum += loss;
                    applied++;
                }

                double validationLoss = MeanNegativeLogDensity(head, validation);
                if (validationLoss < bestLoss)
                {
                    bestLoss = validationLoss;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    WeightSnapshot.Dispose(best);
                    best = WeightSnapshot.Take(network);
                }
                else
                {
                    sinceBest++;
                }

                log?.Invoke($"posterior head: epoch {epoch} train NLL {(lossSum / Math.Max(1, applied)) + logJacobian:F4} validation NLL {validationLoss:F4} (best {bestLoss:F4} at epoch {bestEpoch})");
            }

            network.load_state_dict(best ?? throw new InvalidOperationException("No epoch gave a finite validation loss."));
        }
        finally
        {
            WeightSnapshot.Dispose(best);
        }

        network.eval();
        return new PosteriorHeadTraining(
            epoch, bestEpoch, bestLoss, sinceBest >= options.Patience && epoch < options.MaxEpochs, train.Count, validation.Count,
            options.Seed, started.Elapsed.TotalSeconds, skipped, machine);
    }

    /// <summary>Mean −log q(θ | x) over <paramref name="samples"/> in physical units (nats), the head in eval mode.</summary>
    public static double MeanNegativeLogDensity(MixturePosteriorHead head, EmbeddedSamples samples)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(samples);
        head.Network.eval();
        double sum = 0;
        const int chunk = 4096;
        for (int start = 0; start < samples.Count; start += chunk)
        {
            int size = Math.Min(chunk, samples.Count - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var (logWeights, means, sigmas) = head.Network.Split(head.Network.forward(Inputs(head, samples, start, size)));
            sum += MixtureLoss.LogDensity(logWeights, means, sigmas, Targets(head, samples, start, size)).sum().item<double>();
        }

        return (-sum / samples.Count) + head.TargetStd.Sum(Math.Log);
    }

    private static bool Step(MixturePosteriorHead head, optim.Optimizer optimizer, EmbeddedSamples train, ReadOnlySpan<int> rows, double maxNorm, out double loss)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        int e = train.EmbeddingSize;
        int n = train.ParameterCount;
        var embeddings = new float[rows.Length * e];
        var targets = new double[rows.Length * n];
        for (int i = 0; i < rows.Length; i++)
        {
            Array.Copy(train.Embeddings, rows[i] * e, embeddings, i * e, e);
            Array.Copy(train.Targets, rows[i] * n, targets, i * n, n);
        }

        var batch = new EmbeddedSamples(embeddings, targets, rows.Length, e, n);
        var (logWeights, means, sigmas) = head.Network.Split(head.Network.forward(Inputs(head, batch, 0, rows.Length)));
        var value = MixtureLoss.Compute(logWeights, means, sigmas, Targets(head, batch, 0, rows.Length));
        loss = value.item<double>();
        if (!double.IsFinite(loss))
        {
            optimizer.zero_grad();
            return false;
        }

        value.backward();
        double norm = nn.utils.clip_grad_norm_(head.Network.parameters(), maxNorm);
        if (!double.IsFinite(norm))
        {
            optimizer.zero_grad();
            return false;
        }

        optimizer.step();
        return true;
    }

    private static Tensor Inputs(MixturePosteriorHead head, EmbeddedSamples samples, int start, int size) =>
        head.Standardise(head.EmbeddingTensor(samples.Embeddings.AsSpan(start * samples.EmbeddingSize, size * samples.EmbeddingSize), size));

    private static Tensor Targets(MixturePosteriorHead head, EmbeddedSamples samples, int start, int size)
    {
        int n = samples.ParameterCount;
        var values = new float[size * n];
        for (int i = 0; i < values.Length; i++)
        {
            int p = i % n;
            values[i] = (float)((samples.Targets[(start * n) + i] - head.TargetMean[p]) / head.TargetStd[p]);
        }

        return tensor(values, [size, n]).to(head.Device);
    }

    /// <summary>Per-feature mean and population std of the training embeddings; a constant feature (a dead unit) gets std 1.</summary>
    private static (double[] Mean, double[] Std) FeatureMoments(EmbeddedSamples train)
    {
        int e = train.EmbeddingSize;
        var sum = new double[e];
        var squares = new double[e];
        for (int i = 0; i < train.Count; i++)
        {
            for (int f = 0; f < e; f++)
            {
                double v = train.Embeddings[(i * e) + f];
                sum[f] += v;
                squares[f] += v * v;
            }
        }

        var mean = sum.Select(s => s / train.Count).ToArray();
        var std = squares.Select((q, f) => Math.Sqrt(Math.Max(0, (q / train.Count) - (mean[f] * mean[f])))).Select(s => s > 1e-6 ? s : 1.0).ToArray();
        return (mean, std);
    }
}
