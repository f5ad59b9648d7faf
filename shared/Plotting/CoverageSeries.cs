namespace StreamProcessor.Plotting;

/// <summary>
/// One estimator's empirical coverage, indexed [parameter][nominal level], for <see cref="ParameterPlots.CoverageCurves(string, IReadOnlyList{string}, IReadOnlyList{double}, IReadOnlyList{CoverageSeries}, string)"/>.
/// </summary>
public sealed record CoverageSeries(string Label, double[][] EmpiricalCoverage);
