namespace StreamProcessor.MapInference;

/// <summary>
/// Three numbers per channel that place a log10 map in the training distribution cheaply: the mean, the 99th
/// percentile (the core's brightness) and the fraction of pixels at the channel's minimum (at the detection floor when
/// a survey floor applies). The trainer records their training ranges as the card's feature domain; the inference
/// step flags a map outside them as out of distribution (e.g. a shallower survey than trained on, or a different field).
/// </summary>
public static class MapSummary
{
    /// <summary>Summary names per channel, in order.</summary>
    public static readonly IReadOnlyList<string> Statistics = ["mean_log10", "p99_log10", "fraction_at_min"];

    /// <summary>Feature names for <paramref name="channelLabels"/>, e.g. "xray.mean_log10".</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string> channelLabels) =>
        [.. channelLabels.SelectMany(c => Statistics.Select(s => $"{c}.{s}"))];

    /// <summary>The summaries of one input of <paramref name="channels"/> channels of <paramref name="side"/>² values.</summary>
    public static double[] Of(ReadOnlySpan<float> log10Maps, int channels, int side)
    {
        int pixels = side * side;
        if (log10Maps.Length != channels * pixels)
        {
            throw new ArgumentException($"{channels} channels of {side}x{side} need {channels * pixels} values, got {log10Maps.Length}.", nameof(log10Maps));
        }

        var result = new double[channels * Statistics.Count];
        var sorted = new float[pixels];
        for (int c = 0; c < channels; c++)
        {
            log10Maps.Slice(c * pixels, pixels).CopyTo(sorted);
            Array.Sort(sorted);
            double sum = 0;
            foreach (float v in sorted) sum += v;
            int atMin = 0;
            // Pixels within 1e-4 dex of the minimum sit at the floor (the floor is one value per map).
            while (atMin < pixels && sorted[atMin] <= sorted[0] + 1e-4f) atMin++;
            result[(c * 3) + 0] = sum / pixels;
            result[(c * 3) + 1] = sorted[(int)Math.Min(pixels - 1, Math.Floor(0.99 * pixels))];
            result[(c * 3) + 2] = atMin / (double)pixels;
        }

        return result;
    }
}
