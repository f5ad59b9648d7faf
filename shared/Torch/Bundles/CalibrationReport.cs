namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Calibration of the predicted sigmas: empirical vs nominal coverage per parameter (a calibrated model lies on the
/// diagonal), and optionally a rank histogram per parameter for simulation-based calibration (Talts+2018,
/// arXiv:1804.06788).
/// </summary>
public sealed record CalibrationReport(
    string Split,
    IReadOnlyDictionary<string, IReadOnlyList<CoveragePoint>> Coverage,
    IReadOnlyDictionary<string, IReadOnlyList<int>>? RankHistograms = null);
