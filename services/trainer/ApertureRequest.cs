namespace StreamProcessor.Trainer;

/// <summary>Arguments of <c>trainer aperture</c>.</summary>
/// <param name="ModelDirectory">Bundle whose card gets the table (its weights are not touched).</param>
/// <param name="DataDirectory">The dataset the model was trained on (its manifest says how to re-simulate the views).</param>
/// <param name="MemberRank">k of the statistic: the radius of the k-th farthest kept galaxy.</param>
/// <param name="FlagQuantile">Quantile of the training reach taken as the threshold.</param>
/// <param name="TruncationRadiiMpcOverH">Radii the held-out views are cut to for the detection rates.</param>
/// <param name="Threads">Worker threads for the re-simulation (-1: all cores).</param>
internal sealed record ApertureRequest(
    string ModelDirectory,
    string DataDirectory,
    int MemberRank,
    double FlagQuantile,
    IReadOnlyList<double> TruncationRadiiMpcOverH,
    int Threads);
