using System.Text.Json.Serialization;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Training;

namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// card.json of a model bundle: what the model is, how it was made, how to feed it, and slots the evaluator fills
/// (<see cref="Metrics"/>, <see cref="Calibration"/>, <see cref="TrainingDomain"/>). Serialised in snake_case.
/// </summary>
public sealed record ModelCard
{
    /// <summary>Card layout version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Layout version of this card.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Short model name, e.g. "dynamical-mass-cnn-2d".</summary>
    public required string ModelName { get; init; }

    /// <summary>Model version stamped on every estimate (STYLE.md section 3).</summary>
    public required string ModelVersion { get; init; }

    /// <summary>Informational version of StreamProcessor.Torch that trained the model.</summary>
    public required string CodeVersion { get; init; }

    /// <summary>When the bundle was created, UTC.</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Free text: simulator, settings, number of halos and lines of sight, mass function.</summary>
    public required string TrainingData { get; init; }

    /// <summary>Seed of the training run.</summary>
    public required int Seed { get; init; }

    /// <summary>Input and target transforms.</summary>
    public required ModelNormalisation Normalisation { get; init; }

    /// <summary>Network architecture and its hyperparameters.</summary>
    public required NetworkSpec Architecture { get; init; }

    /// <summary>Channel-first shape of one input sample.</summary>
    public required IReadOnlyList<int> InputShape { get; init; }

    /// <summary>Name of each inferred parameter, in output order, e.g. "log10_m200c".</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Weights file name inside the bundle folder.</summary>
    public string WeightsFile { get; init; } = ModelBundle.WeightsFileName;

    /// <summary>Lower-case hex SHA-256 of the weights file; set by <see cref="ModelBundle.Save"/>.</summary>
    public string WeightsSha256 { get; init; } = string.Empty;

    /// <summary>Training run summary.</summary>
    public TrainingSummary? Training { get; init; }

    /// <summary>Device, processor, kernels and threads of the training run; null in cards written before it was recorded.</summary>
    public TrainingMachine? TrainingMachine { get; init; }

    /// <summary>Evaluator slot: metrics on held-out data.</summary>
    public ModelMetrics? Metrics { get; init; }

    /// <summary>Evaluator slot: coverage / calibration.</summary>
    public CalibrationReport? Calibration { get; init; }

    /// <summary>Evaluator slot: ranges of the training data for out-of-distribution checks (phase-space models).</summary>
    public TrainingDomain? TrainingDomain { get; init; }

    /// <summary>Name, unit, prior and group of every parameter, in output order; null in cards written before it was recorded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ParameterDefinition>? Parameters { get; init; }

    /// <summary>Evaluator slot: per-feature training ranges for out-of-distribution checks (feature-vector models).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FeatureDomain? FeatureDomain { get; init; }

    /// <summary>Evaluator slot: metrics on further held-out sets or input variants (real halos, noise, radial cuts).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ModelMetrics>? AdditionalMetrics { get; init; }

    /// <summary>A full-posterior estimator on the network's embedding, when one was trained (<c>trainer posterior</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PosteriorHeadCard? PosteriorHead { get; init; }

    /// <summary>The hyper-parameter search that chose the architecture and optimiser settings, when one ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HyperparameterSearchReport? HyperparameterSearch { get; init; }

    /// <summary>A card for a finished training run; the evaluator slots stay empty.</summary>
    public static ModelCard FromTraining(
        string modelName,
        string modelVersion,
        string trainingData,
        IReadOnlyList<string> parameterNames,
        TrainingResult result,
        TrainingOptions options,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        return new ModelCard
        {
            ModelName = modelName,
            ModelVersion = modelVersion,
            CodeVersion = ModelBundle.CodeVersion,
            CreatedUtc = (timeProvider ?? TimeProvider.System).GetUtcNow(),
            TrainingData = trainingData,
            Seed = options.Seed,
            Normalisation = result.Model.Normalisation,
            Architecture = result.Model.Spec,
            InputShape = result.Model.Spec.InputShape,
            ParameterNames = parameterNames,
            Training = new TrainingSummary(
                result.History.Count,
                result.BestEpoch,
                result.BestValidationLoss,
                result.TestLoss,
                result.StoppedEarly,
                result.Split.Train.Length,
                result.Split.Validation.Length,
                result.Split.Test.Length,
                result.Model.Device.ToString(),
                result.TrainSamplesPerSecond,
                result.Elapsed.TotalSeconds,
                options.WarmupSteps,
                options.MaxGradientNorm,
                result.ClippedSteps,
                result.SkippedSteps),
            TrainingMachine = result.Machine,
        };
    }
}
