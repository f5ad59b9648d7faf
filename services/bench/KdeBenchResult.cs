namespace StreamProcessor.Bench;

/// <summary>One row of <c>bench kde</c>: best-pass wall time per cluster of each path and their largest disagreement.</summary>
internal sealed record KdeBenchResult(string Image, int Clusters, double ReferenceMsPerCluster, double FastMsPerCluster, double MaxAbsDifference)
{
    internal double SpeedUp => ReferenceMsPerCluster / FastMsPerCluster;

    internal static string Header =>
        $"{"image",-10} {"clusters",8} {"reference ms/cluster",21} {"fast ms/cluster",16} {"speed-up",9} {"max |fast - ref|",17}";

    public override string ToString() =>
        $"{Image,-10} {Clusters,8} {ReferenceMsPerCluster,21:F4} {FastMsPerCluster,16:F4} {SpeedUp,8:F1}x {MaxAbsDifference,17:E2}";
}
