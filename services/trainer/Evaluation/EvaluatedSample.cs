namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// One held-out view with its truth and every estimator's log10(M200c / h⁻¹ M☉): the CNN posterior (mean, σ) and the
/// baselines (NaN where a baseline refuses, e.g. Evrard+08 outside its calibration window).
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
    double Virial);
