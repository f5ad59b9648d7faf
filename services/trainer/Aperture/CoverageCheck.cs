using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Aperture;

/// <summary>
/// One row of the held-out measurement: how often a test flags a set of views, and, where CNN predictions are given,
/// the CNN's bias on them and its shift from the same views at full coverage.
/// </summary>
internal static class CoverageCheck
{
    /// <summary>Mass range (log10 h^-1 M_sun) the CNN's bias and shift are quoted on: the card's quoted range, away from the prior edges.</summary>
    public const double BiasLog10MMin = 14.0;

    /// <inheritdoc cref="BiasLog10MMin"/>
    public const double BiasLog10MMax = 15.0;

    /// <summary>
    /// The card row for <paramref name="views"/> under <paramref name="test"/> (cut at <paramref name="truncation"/>, null for full coverage), with the
    /// CNN's mean prediction per view; <paramref name="fullPrediction"/> maps (halo, line of sight) to the full-coverage one.
    /// </summary>
    public static ApertureCoverageCheck Row(
        CoverageTest test,
        double? truncation,
        IReadOnlyList<CoverageView> views,
        IReadOnlyList<double> prediction,
        IReadOnlyDictionary<(int, int), double> fullPrediction)
    {
        var inRange = Enumerable.Range(0, views.Count)
            .Where(i => views[i].Log10M200c is >= BiasLog10MMin and <= BiasLog10MMax)
            .ToList();
        double bias = inRange.Count == 0 ? double.NaN : inRange.Average(i => prediction[i] - views[i].Log10M200c);
        var paired = inRange.Where(i => fullPrediction.ContainsKey((views[i].HaloId, views[i].LineOfSight))).ToList();
        double shift = paired.Count == 0 ? double.NaN : paired.Average(i => prediction[i] - fullPrediction[(views[i].HaloId, views[i].LineOfSight)]);
        return new ApertureCoverageCheck(truncation, views.Count, test.FlaggedFraction(views), bias, shift);
    }
}
