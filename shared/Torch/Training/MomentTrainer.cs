using StreamProcessor.Torch.Inference;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Training;

/// <summary>
/// Trains a moment network (Jeffrey &amp; Wandelt 2020, arXiv:2011.05991) on an <see cref="SampleDataset"/>: split by
/// group, Adam with a learning-rate warm-up and cosine annealing, minibatches, gradient-norm clipping, batches with a
/// non-finite loss or gradient skipped (<see cref="GuardedStep"/>), early stopping on the validation loss with the
/// best weights restored.
/// </summary>
public static class MomentTrainer
{
    /// <summary>
    /// Runs one training. Reproducible for fixed data, options, device, CPU kernels and intra-op thread count
    /// (<see cref="TrainingEnvironment"/>): torch seeded before the weights are drawn, deterministic algorithms, and a
    /// separate <c>Random(Seed)</c> for the shuffle.
    /// </summary>
    /// <exception cref="ArgumentException">Inputs that the normalisation cannot take (non-finite, or not above
    /// -LogOffset / scale when the input is logged).</exception>
    /// <exception cref="InvalidOperationException">More than <see cref="TrainingOptions.MaxConsecutiveSkippedSteps"/>
    /// consecutive batches had a non-finite loss or gradient.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the partly trained network is disposed.</exception>
    public static TrainingResult Train(
        SampleDataset data,
        NetworkSpec spec,
        TrainingOptions options,
        Device device,
        IProgress<TrainingProgress>? progress = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(data);
        options = options.Validated();
        spec = spec.Validated();
        if (spec.InputLength != data.InputLength || spec.ParameterCount != data.ParameterCount)
        {
            throw new ArgumentException(
                $"{spec.ArchitectureId} with {spec.ParameterCount} parameter(s) needs {spec.InputLength} values per sample; " +
                $"the dataset has {data.InputLength} values and {data.ParameterCount} parameter(s).", nameof(data));
        }

        var time = timeProvider ?? TimeProvider.System;
        long started = time.GetTimestamp();
        var split = GroupSplit.Split(data.GroupIds, options.TrainFraction, options.ValidationFraction, options.Seed);
        if (split.Train.Length < 2 || split.Validation.Length < 2)
        {
            throw new ArgumentException($"Need at least 2 training and 2 validation samples; the split gave {split.Train.Length} and {split.Validation.Length}.", nameof(data));
        }

        var (targetMean, targetStd) = ModelNormalisation.TargetMoments(data.Targets, data.ParameterCount, split.Train);
        var normalisation = new ModelNormalisation(
            options.InputScale ?? data.InputLength, options.LogInput, options.LogOffset, targetMean, targetStd);
        RequireUsableInputs(data, normalisation);
        if (options.StandardiseInputs)
        {
            var (inputMean, inputStd) = InputMoments(data, normalisation, split.Train);
            normalisation = normalisation with { InputMean = inputMean, InputStd = inputStd };
        }

        var whitening = options.WhitenInputs ? InputWhitening.Fit(data, normalisation, split.Train) : null;
        if (whitening is not null)
        {
            spec = (spec with { WhitenedInputs = whitening.Axes }).Validated();
        }

        using var environment = TrainingEnvironment.Enter(options, device);
        var network = spec.CreateNetwork();
        if (whitening is not null)
        {
            // Validated() above admits WhitenedInputs only for the MLP.
            ((MomentMlp)network).SetInputWhitening(whitening.Weight, whitening.Bias);
        }

        var model = new MomentModel(network, normalisation, device);
        try
        {
            return Run(data, options, model, split, environment.Machine, progress, time, started, cancellationToken);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static TrainingResult Run(
        SampleDataset data,
        TrainingOptions options,
        MomentModel model,
        DatasetSplit split,
        Bundles.TrainingMachine machine,
        IProgress<TrainingProgress>? progress,
        TimeProvider time,
        long started,
        CancellationToken cancellationToken)
    {
        var network = model.Network;
        int batchSize = Math.Min(options.BatchSize, split.Train.Length);
        int stepsPerEpoch = split.Train.Length / batchSize;
        if (options.MaxStepsPerEpoch is { } cap)
        {
            stepsPerEpoch = Math.Min(stepsPerEpoch, cap);
        }

        // Frozen layers (input whitening) are fixed transforms, not trained.
        using var optimizer = optim.Adam(network.parameters().Where(p => p.requires_grad), lr: options.LearningRate, weight_decay: options.WeightDecay);
        var schedule = LearningRateSchedule.For(options);
        var guard = new StepGuard(options.MaxConsecutiveSkippedSteps);
        long globalStep = 0;
        var shuffle = new Random(options.Seed);
        var augmentationRandom = new Random(options.Seed + 1);
        int[] order = [.. split.Train];
        var history = new List<EpochSummary>();
        Dictionary<string, Tensor>? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0;
        int epochsWithoutImprovement = 0;
        long trainedSamples = 0;
        TimeSpan trainingTime = TimeSpan.Zero;
        bool stoppedEarly = false;
        try
        {
            for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
            {
                shuffle.Shuffle(order);
                double learningRate = schedule.EpochRate(epoch);
                network.train();
                double lossSum = 0;
                long epochStart = time.GetTimestamp();
                for (int step = 1; step <= stepsPerEpoch; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rows = order.AsSpan((step - 1) * batchSize, batchSize);
                    SetLearningRate(optimizer, schedule.StepRate(epoch, ++globalStep));
                    var outcome = TrainStep(data, model, optimizer, rows, options.MaxGradientNorm, options.Augmentation, augmentationRandom);
                    guard.Record(outcome, epoch, step);
                    lossSum += outcome.Skipped ? 0 : outcome.Loss;
                    trainedSamples += batchSize;
                    if (step % options.ProgressEverySteps == 0 && step < stepsPerEpoch)
                    {
                        var elapsedTraining = trainingTime + time.GetElapsedTime(epochStart);
                        progress?.Report(new TrainingProgress(
                            TrainingProgressKind.Step, epoch, options.MaxEpochs, step, stepsPerEpoch, lossSum / step, null,
                            best is null ? null : bestLoss, null, learningRate, trainedSamples / elapsedTraining.TotalSeconds,
                            time.GetElapsedTime(started)));
                    }
                }

                trainingTime += time.GetElapsedTime(epochStart);
                var (validationLoss, rmse) = Evaluate(data, model, split.Validation, batchSize);
                double trainLoss = guard.AppliedThisEpoch > 0 ? lossSum / guard.AppliedThisEpoch : double.NaN;
                guard.StartEpoch();
                history.Add(new EpochSummary(epoch, trainLoss, validationLoss!.Value, rmse, learningRate));
                if (validationLoss.Value < bestLoss)
                {
                    bestLoss = validationLoss.Value;
                    bestEpoch = epoch;
                    epochsWithoutImprovement = 0;
                    WeightSnapshot.Dispose(best);
                    best = WeightSnapshot.Take(network);
                }
                else
                {
                    epochsWithoutImprovement++;
                }

                progress?.Report(new TrainingProgress(
                    TrainingProgressKind.EpochCompleted, epoch, options.MaxEpochs, stepsPerEpoch, stepsPerEpoch, trainLoss,
                    validationLoss, bestLoss, rmse, learningRate, trainedSamples / trainingTime.TotalSeconds,
                    time.GetElapsedTime(started)));
                if (epochsWithoutImprovement >= options.Patience)
                {
                    stoppedEarly = epoch < options.MaxEpochs;
                    break;
                }
            }

            network.load_state_dict(best ?? throw new InvalidOperationException(
                $"No epoch gave a finite validation loss ({string.Join(", ", history.Select(h => h.ValidationLoss))})."));
        }
        finally
        {
            WeightSnapshot.Dispose(best);
        }

        if (options.CalibrateSigmas)
        {
            model.CalibrateSigmas(SigmaCalibration.Fit(data, model, split.Validation));
        }

        var (testLoss, _) = Evaluate(data, model, split.Test, batchSize);
        var last = history[^1];
        double samplesPerSecond = trainedSamples / trainingTime.TotalSeconds;
        progress?.Report(new TrainingProgress(
            TrainingProgressKind.Finished, last.Epoch, options.MaxEpochs, stepsPerEpoch, stepsPerEpoch, last.TrainLoss,
            history[bestEpoch - 1].ValidationLoss, bestLoss, history[bestEpoch - 1].ValidationRmse, last.LearningRate,
            samplesPerSecond, time.GetElapsedTime(started)));
        return new TrainingResult(
            model, split, bestEpoch, bestLoss, testLoss, stoppedEarly, history, samplesPerSecond, time.GetElapsedTime(started),
            guard.Clipped, guard.Skipped, machine);
    }

    private static StepOutcome TrainStep(
        SampleDataset data, MomentModel model, optim.Optimizer optimizer, ReadOnlySpan<int> rows, double maxGradientNorm,
        IInputAugmentation? augmentation, Random augmentationRandom)
    {
        using var scope = NewDisposeScope();
        float[] raw = GatherInputs(data, rows);
        augmentation?.Apply(rows, raw, augmentationRandom);
        var inputs = model.PrepareInput(model.InputTensor(raw, rows.Length));
        return GuardedStep.Run(model.Network, optimizer, inputs, StandardisedTargets(data, model, rows), maxGradientNorm);
    }

    private static void SetLearningRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    /// <summary>
    /// Refuses inputs that would reach the network as NaN or infinity: non-finite values, or with a logged input a
    /// value whose scaled form is not above -LogOffset (ln of a non-positive number).
    /// </summary>
    private static void RequireUsableInputs(SampleDataset data, ModelNormalisation normalisation)
    {
        double floor = normalisation.LogInput ? -normalisation.LogOffset / normalisation.InputScale : double.NegativeInfinity;
        var sample = new float[data.InputLength];
        for (int i = 0; i < data.Count; i++)
        {
            data.GatherInputs([i], sample);
            int bad = Array.FindIndex(sample, v => !(float.IsFinite(v) && v > floor));
            if (bad >= 0)
            {
                throw new ArgumentException(
                    $"Sample {i} (group {data.GroupIds[i]}) has input value {sample[bad]} at index {bad}; inputs must be finite" +
                    (normalisation.LogInput ? $" and above {floor:G3} for ln(x * {normalisation.InputScale:G6} + {normalisation.LogOffset:G3})." : "."),
                    nameof(data));
            }
        }
    }

    /// <summary>Per-feature mean and (population) standard deviation of the transformed inputs of <paramref name="rows"/>; a constant feature gets std 1.</summary>
    private static (double[] Mean, double[] Std) InputMoments(SampleDataset data, ModelNormalisation normalisation, IReadOnlyList<int> rows)
    {
        var sum = new double[data.InputLength];
        var squares = new double[data.InputLength];
        foreach (int r in rows)
        {
            var input = data.Input(r);
            for (int f = 0; f < input.Length; f++)
            {
                double u = normalisation.Transform(input[f]);
                sum[f] += u;
                squares[f] += u * u;
            }
        }

        var mean = sum.Select(s => s / rows.Count).ToArray();
        var std = squares.Select((q, f) => Math.Sqrt(Math.Max(0, (q / rows.Count) - (mean[f] * mean[f])))).Select(s => s > 1e-12 ? s : 1.0).ToArray();
        return (mean, std);
    }

    /// <summary>
    /// Mean moment loss over consecutive batches of <paramref name="batchSize"/> (a trailing partial batch only counts
    /// when there is no full one), and the RMSE of the posterior means over all rows in physical units. Null loss
    /// when fewer than 2 rows.
    /// </summary>
    internal static (double? Loss, IReadOnlyList<double> Rmse) Evaluate(SampleDataset data, MomentModel model, int[] rows, int batchSize)
    {
        int n = model.Spec.ParameterCount;
        var squaredError = new double[n];
        if (rows.Length < 2)
        {
            return (null, rows.Length == 0 ? [] : Rmse(data, model, rows, squaredError));
        }

        model.Network.eval();
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < rows.Length; start += batchSize)
        {
            var batch = rows.AsSpan(start, Math.Min(batchSize, rows.Length - start));
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var output = model.Network.forward(model.PrepareInput(model.InputTensor(GatherInputs(data, batch), batch.Length)));
            var (mean, sigma) = MomentNetwork.SplitMoments(output, n);
            if (batch.Length == batchSize || (start == 0 && batch.Length >= 2))
            {
                lossSum += MomentLoss.Compute(mean, sigma, StandardisedTargets(data, model, batch)).item<float>();
                batches++;
            }

            float[] means = mean.cpu().contiguous().data<float>().ToArray();
            for (int i = 0; i < batch.Length; i++)
            {
                var target = data.Target(batch[i]);
                for (int p = 0; p < n; p++)
                {
                    double physical = model.Normalisation.TargetMean[p] + (model.Normalisation.TargetStd[p] * means[(i * n) + p]);
                    squaredError[p] += Math.Pow(physical - target[p], 2);
                }
            }
        }

        return (lossSum / batches, squaredError.Select(s => Math.Sqrt(s / rows.Length)).ToArray());
    }

    private static double[] Rmse(SampleDataset data, MomentModel model, int[] rows, double[] squaredError)
    {
        var inputs = new float[rows.Length * data.InputLength];
        data.GatherInputs(rows, inputs);
        var predictions = model.Predict(inputs, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            for (int p = 0; p < squaredError.Length; p++)
            {
                squaredError[p] += Math.Pow(predictions.MeanOf(i, p) - data.Target(rows[i])[p], 2);
            }
        }

        return squaredError.Select(s => Math.Sqrt(s / rows.Length)).ToArray();
    }

    private static float[] GatherInputs(SampleDataset data, ReadOnlySpan<int> rows)
    {
        var buffer = new float[rows.Length * data.InputLength];
        data.GatherInputs(rows, buffer);
        return buffer;
    }

    private static Tensor StandardisedTargets(SampleDataset data, MomentModel model, ReadOnlySpan<int> rows)
    {
        int n = data.ParameterCount;
        var values = new float[rows.Length * n];
        data.GatherTargets(rows, values);
        for (int i = 0; i < values.Length; i++)
        {
            int p = i % n;
            values[i] = (float)((values[i] - model.Normalisation.TargetMean[p]) / model.Normalisation.TargetStd[p]);
        }

        return tensor(values, [rows.Length, n]).to(model.Device);
    }
}
