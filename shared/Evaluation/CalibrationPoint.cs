namespace StreamProcessor.Evaluation;

/// <summary>One point of a calibration curve: the nominal probability of a central Gaussian interval and the fraction of truths inside it.</summary>
public sealed record CalibrationPoint(double ExpectedCoverage, double ObservedCoverage);
