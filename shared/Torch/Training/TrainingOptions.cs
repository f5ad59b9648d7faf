using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.Torch.Training;

/// <summary>Settings of one training run; every run with the same options, data and device is reproducible.</summary>
public sealed record TrainingOptions
{
    /// <summary>Upper limit on passes over the training split.</summary>
    [Range(1, 10_000)] public int MaxEpochs { get; init; } = 40;

    /// <summary>Samples per optimisation step; incomplete last batches are dropped (the loss uses batch sums).</summary>
    [Range(2, 65_536)] public int BatchSize { get; init; } = 64;

    /// <summary>Initial Adam learning rate.</summary>
    [Range(1e-7, 1.0)] public double LearningRate { get; init; } = 1e-3;

    /// <summary>Cosine annealing (Loshchilov &amp; Hutter 2017, arXiv:1608.03983, Eq. 5) from the initial rate down to this fraction of it at MaxEpochs.</summary>
    [Range(0.0, 1.0)] public double FinalLearningRateFraction { get; init; } = 0.05;

    /// <summary>Adam L2 weight decay.</summary>
    [Range(0.0, 1.0)] public double WeightDecay { get; init; }

    /// <summary>Stop after this many epochs without a better validation loss; the best weights are restored.</summary>
    [Range(1, 10_000)] public int Patience { get; init; } = 6;

    /// <summary>Optimiser steps over which the learning rate rises linearly to its initial value; 0 for none.</summary>
    [Range(0, 1_000_000)] public int WarmupSteps { get; init; } = 20;

    /// <summary>
    /// Global L2 norm the gradient is clipped to before each step. The 2D mass network's norms are 15-310 in the
    /// test runs (they grow as the residuals shrink: the loss is a log of sums), so the default acts only on spikes.
    /// </summary>
    [Range(1e-6, 1e9)] public double MaxGradientNorm { get; init; } = 1000.0;

    /// <summary>Give up after this many consecutive batches with a non-finite loss or gradient (each is skipped).</summary>
    [Range(1, 1_000_000)] public int MaxConsecutiveSkippedSteps { get; init; } = 5;

    /// <summary>libtorch intra-op threads during training; null keeps the process's setting. Recorded in the card.</summary>
    [Range(1, 1024)] public int? IntraOpThreads { get; init; }

    /// <summary>Run with torch.use_deterministic_algorithms(true).</summary>
    public bool DeterministicAlgorithms { get; init; } = true;

    /// <summary>Seeds torch (weights, dropout), the split and the shuffle.</summary>
    public int Seed { get; init; } = 20_200_305;

    /// <summary>Fraction of groups (halos) for training.</summary>
    [Range(0.0, 1.0)] public double TrainFraction { get; init; } = 0.7;

    /// <summary>Fraction of groups for validation; the rest is the test split.</summary>
    [Range(0.0, 1.0)] public double ValidationFraction { get; init; } = 0.15;

    /// <summary>Multiplies raw inputs; null means the values per sample (a sum-1 image becomes mean-1).</summary>
    public double? InputScale { get; init; }

    /// <summary>Feed ln(scaled input + LogOffset) instead of the scaled input.</summary>
    public bool LogInput { get; init; }

    /// <summary>Offset inside the logarithm, in scaled units.</summary>
    [Range(1e-12, 1e6)] public double LogOffset { get; init; } = 1e-3;

    /// <summary>
    /// Standardise every input feature by its training-split mean and standard deviation (after scale and log),
    /// stored in the card: for feature vectors whose entries are unlike quantities (profiles of several kinds).
    /// </summary>
    public bool StandardiseInputs { get; init; }

    /// <summary>
    /// MLP only, with <see cref="StandardiseInputs"/>: rotate the standardised inputs onto the principal axes of the
    /// training split and scale each to unit variance (PCA whitening), dropping axes without variance, as a frozen first
    /// layer of the network (<see cref="InputWhitening"/>). For inputs that lie near a low-dimensional manifold
    /// (emulated profiles), where the informative directions carry a small share of the variance.
    /// </summary>
    public bool WhitenInputs { get; init; }

    /// <summary>
    /// Optional rewrite of every training batch's raw inputs before its step (fresh noise per step); null for none.
    /// Drawn from its own <c>Random(Seed + 1)</c>.
    /// </summary>
    public IInputAugmentation? Augmentation { get; init; }

    /// <summary>Optional cap on steps per epoch (quick runs); null means the whole training split.</summary>
    public int? MaxStepsPerEpoch { get; init; }

    /// <summary>Report progress every this many steps (plus once per epoch).</summary>
    [Range(1, 1_000_000)] public int ProgressEverySteps { get; init; } = 20;

    /// <summary>Throws when a field is outside its range.</summary>
    /// <summary>
    /// After training, scale each parameter's sigma so that 68.27 % of the validation split's truths fall within
    /// 1 sigma (<see cref="SigmaCalibration"/>); the factors go into the normalisation and the card.
    /// </summary>
    public bool CalibrateSigmas { get; init; }

    public TrainingOptions Validated()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (TrainFraction + ValidationFraction > 1)
        {
            throw new ValidationException($"TrainFraction + ValidationFraction = {TrainFraction + ValidationFraction} exceeds 1.");
        }

        if (InputScale is { } scale && !(scale > 0))
        {
            throw new ValidationException($"InputScale must be positive, got {scale}.");
        }

        if (WhitenInputs && !StandardiseInputs)
        {
            throw new ValidationException("WhitenInputs needs StandardiseInputs: the whitening is fitted to the standardised inputs.");
        }

        if (MaxStepsPerEpoch is < 1)
        {
            throw new ValidationException($"MaxStepsPerEpoch must be at least 1, got {MaxStepsPerEpoch}.");
        }

        return this;
    }
}
