using StreamProcessor.Contracts.Messages;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunction.Tests;

/// <summary>Posterior records and a small, fast survey for the service tests.</summary>
internal static class TestPosteriors
{
    public static DateTimeOffset Epoch { get; } = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>200 deg², two redshift bins, four 0.25 dex mass bins from 10^14, complete everywhere, a 6 × 6 grid.</summary>
    public static SurveyOptions SmallSurvey(string name) => new()
    {
        Name = name,
        SkyAreaDeg2 = 200,
        RedshiftEdges = [0.05, 0.10, 0.20],
        Log10MassEdges = [14.0, 14.25, 14.5, 14.75, 15.0],
        Completeness = new CompletenessOptions { Kind = CompletenessOptions.Logistic, Log10MassHalfAtZeroRedshift = 12.0, Log10MassHalfSlopePerRedshift = 0.0, WidthDex = 0.05 },
        OmegaMCount = 6,
        Sigma8Count = 6,
        MassSamplingDraws = 20,
    };

    public static Posterior Accepted(string id, string survey, double redshift, double log10Mass, double sigmaDex = 0.1, int minutes = 0) => new()
    {
        ObjectId = id,
        Survey = survey,
        Redshift = redshift,
        DetectionTime = Epoch.AddMinutes(minutes),
        ModelName = "test-model",
        ModelVersion = "1",
        ModelCardSha256 = new string('a', 64),
        ParameterNames = ["log10_m200c"],
        Mean = [log10Mass],
        Sigma = [sigmaDex],
        Status = RecordStatus.Accepted,
        Log10M200c = log10Mass,
        SigmaLog10M200c = sigmaDex,
        OutOfDistribution = false,
        Provenance = new MessageProvenance("features.phase-space", 0, 0),
        QueuedMs = 1,
        InferenceMs = 1,
        PublishedUtc = Epoch,
    };

    /// <summary>A deterministic spread of clusters over the small survey's bins (some outside the mass range).</summary>
    public static List<Posterior> Spread(string survey, int count, string prefix = "c")
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(i =>
            Accepted($"{prefix}{i:D4}", survey, 0.05 + (0.15 * random.NextDouble()), 13.9 + (1.2 * random.NextDouble())))];
    }

    /// <summary>Counts by posterior mean per [redshift bin][mass bin], binned here independently of the library ([lo, hi), last bin closed).</summary>
    public static int[][] CountByMean(IEnumerable<Posterior> posteriors, SurveyOptions survey)
    {
        var counts = new int[survey.RedshiftEdges.Length - 1][];
        for (int j = 0; j < counts.Length; j++) counts[j] = new int[survey.Log10MassEdges.Length - 1];
        foreach (Posterior p in posteriors)
        {
            int j = IndexOf(survey.RedshiftEdges, p.Redshift);
            int i = IndexOf(survey.Log10MassEdges, p.Log10M200c!.Value);
            if (i >= 0 && j >= 0) counts[j][i]++;
        }

        return counts;
    }

    private static int IndexOf(double[] edges, double x)
    {
        for (int k = 0; k + 1 < edges.Length; k++)
        {
            bool last = k + 2 == edges.Length;
            if (x >= edges[k] && (x < edges[k + 1] || (last && x == edges[k + 1]))) return k;
        }

        return -1;
    }
}
