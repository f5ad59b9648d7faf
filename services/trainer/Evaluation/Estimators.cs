namespace StreamProcessor.Trainer.Evaluation;

/// <summary>Names of the estimators in the evaluation, as they appear in the model card and plots.</summary>
public static class Estimators
{
    public const string Cnn = "CNN-2D";
    public const string FittedMSigma = "fitted M-sigma";
    public const string Evrard08 = "Evrard+08 M-sigma";
    public const string Virial = "virial";

    /// <summary>Kernel mean-embedding ridge regression on the member sample (Ntampaka+2015/2016 SDM, Szabó+2016).</summary>
    public const string DistributionRegression = "distribution regression";

    public static IReadOnlyList<string> All { get; } = [Cnn, FittedMSigma, Evrard08, Virial, DistributionRegression];

    /// <summary>The estimator's prediction for one sample.</summary>
    public static double Prediction(EvaluatedSample sample, string estimator) => estimator switch
    {
        Cnn => sample.CnnMean,
        FittedMSigma => sample.FittedMSigma,
        Evrard08 => sample.Evrard08,
        Virial => sample.Virial,
        DistributionRegression => sample.DistributionRegressionLog10M,
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "Unknown estimator."),
    };
}
