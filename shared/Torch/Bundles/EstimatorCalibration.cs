namespace StreamProcessor.Torch.Bundles;

/// <summary>One estimator's calibration on the held-out samples.</summary>
/// <param name="RankHistogram">Counts of the truth's rank among the draws, in equal bins.</param>
/// <param name="RankChiSquare">χ² of the histogram against uniform.</param>
/// <param name="RankPValue">Its p-value (bins − 1 degrees of freedom); small means not uniform.</param>
/// <param name="Coverage">Empirical coverage of the central interval at each level.</param>
/// <param name="MeanAbsCoverageError">Mean |empirical − nominal| over the levels.</param>
/// <param name="MaxAbsCoverageError">Largest |empirical − nominal|.</param>
/// <param name="MeanNegativeLogDensity">Mean −ln q(θ_true | x), nats (lower is better).</param>
/// <param name="PointRmse">RMSE of the posterior median (head) or mean (moment network).</param>
/// <param name="PointBias">Mean of (point estimate − truth).</param>
public sealed record EstimatorCalibration(
    IReadOnlyList<int> RankHistogram,
    double RankChiSquare,
    double RankPValue,
    IReadOnlyList<double> Coverage,
    double MeanAbsCoverageError,
    double MaxAbsCoverageError,
    double MeanNegativeLogDensity,
    double PointRmse,
    double PointBias);
