namespace StreamProcessor.Trainer.Evaluation;

/// <summary>Names of the estimators in the evaluation, as they appear in the model card and plots.</summary>
public static class Estimators
{
    public const string Cnn = "CNN-2D";
    public const string FittedMSigma = "fitted M-sigma";
    public const string Evrard08 = "Evrard+08 M-sigma";
    public const string Virial = "virial";

    public static IReadOnlyList<string> All { get; } = [Cnn, FittedMSigma, Evrard08, Virial];

    /// <summary>The estimator's prediction for one sample.</summary>
    public static double Prediction(EvaluatedSample sample, string estimator) => estimator switch
    {
        Cnn => sample.CnnMean,
        FittedMSigma => sample.FittedMSigma,
        Evrard08 => sample.Evrard08,
        Virial => sample.Virial,
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "Unknown estimator."),
    };
}
