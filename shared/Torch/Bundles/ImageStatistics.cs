namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Cheap summaries of one raw input image used to flag inputs unlike the training set: the total (a KDE image is
/// normalised to sum 1, reference sheet section 4) and the peak over the mean pixel (how concentrated it is).
/// </summary>
public sealed record ImageStatistics(double Total, double PeakOverMean)
{
    /// <summary>Statistics of one image.</summary>
    public static ImageStatistics Of(ReadOnlySpan<float> image)
    {
        ArgumentOutOfRangeException.ThrowIfZero(image.Length);
        double total = 0;
        double peak = double.NegativeInfinity;
        foreach (float v in image)
        {
            total += v;
            peak = Math.Max(peak, v);
        }

        double mean = total / image.Length;
        return new ImageStatistics(total, mean > 0 ? peak / mean : double.PositiveInfinity);
    }
}
