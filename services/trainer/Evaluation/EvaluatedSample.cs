namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// One held-out view with its truth and every estimator's log10(M200c / h⁻¹ M☉): the CNN posterior (mean, σ) and the
/// baselines (NaN where a baseline refuses, e.g. Evrard+08 outside its calibration window).
/// <see cref="DistributionRegressionLog10M"/> is NaN too when the bundle has no distribution-regression baseline or the
/// dataset stores no members (format 1).
/// </summary>
public sealed record EvaluatedSample(
    string Catalogue,
    int HaloId,
    int LineOfSight,
    double Log10MTrue,
    int Richness,
    double Redshift,
    double SigmaLosKmPerS,
    double CnnMean,
    double CnnSigma,
    double FittedMSigma,
    double Evrard08,
    double Virial)
{
    /// <summary>The distribution-regression (SDM-style kernel mean embedding) baseline's log10 M200c.</summary>
    public double DistributionRegressionLog10M { get; init; } = double.NaN;
}
