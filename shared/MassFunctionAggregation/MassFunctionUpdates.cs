using System.Globalization;
using StreamProcessor.Abundance;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// A survey's <see cref="MassFunctionSnapshot"/> → one <see cref="MassFunctionUpdate"/> per redshift bin. The theory
/// columns are the forward-model prediction at the base cosmology (Tinker+08 abundance × completeness × the posterior
/// mass scatter, i.e. with the Eddington bias; see MassFunctionEstimator), so counts, dn/dlog10 M and the ratio compare
/// like with like. The cosmology posterior is the survey-wide joint fit, repeated on every bin's update.
/// </summary>
public static class MassFunctionUpdates
{
    /// <summary>The series key of a survey's redshift bin, e.g. "demo/z0.03-0.07" (the form the schema documents).</summary>
    public static string SeriesId(string survey, double redshiftMin, double redshiftMax) =>
        string.Create(CultureInfo.InvariantCulture, $"{survey}/z{redshiftMin:0.00###}-{redshiftMax:0.00###}");

    /// <summary>The updates of one snapshot; <paramref name="nextSequence"/> hands out each series' next update_sequence.</summary>
    public static IReadOnlyList<MassFunctionUpdate> FromSnapshot(
        MassFunctionSnapshot snapshot, Func<string, long> nextSequence, CosmologyParameters? truth, string codeVersion)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(nextSequence);
        ArgumentNullException.ThrowIfNull(codeVersion);
        CosmologyPosterior? cosmology = snapshot.Cosmology is { } c ? ToPosterior(c) : null;
        CosmologyParameters baseCosmology = ToParameters(snapshot.BaseCosmology);
        int posteriors = (int)Math.Min(int.MaxValue, snapshot.Counters.PosteriorsReceived);
        var updates = new List<MassFunctionUpdate>(snapshot.RedshiftBins.Count);
        foreach (RedshiftBinMassFunction bin in snapshot.RedshiftBins)
        {
            string series = SeriesId(snapshot.Survey, bin.RedshiftMin, bin.RedshiftMax);
            updates.Add(new MassFunctionUpdate
            {
                SeriesId = series,
                Survey = snapshot.Survey,
                RedshiftMin = bin.RedshiftMin,
                RedshiftMax = bin.RedshiftMax,
                UpdateSequence = nextSequence(series),
                UpdatedUtc = snapshot.ComputedAtUtc,
                NPosteriors = posteriors,
                CodeVersion = codeVersion,
                Log10MassEdges = snapshot.Log10MassEdges,
                Counts = [.. bin.ObservedCounts.Select(n => (double)n)],
                DnDlog10M = bin.DnDlog10MH3PerMpc3,
                DnDlog10MError = bin.SigmaH3PerMpc3,
                TheoryDnDlog10M = bin.PredictedDnDlog10MH3PerMpc3,
                TheoryExpectedCounts = bin.PredictedCounts,
                Ratio = [.. bin.RatioToPrediction.Select(r => double.IsFinite(r) ? r : (double?)null)],
                CompletenessLimitLog10M = snapshot.CompletenessLimitLog10Mass,
                Cosmology = cosmology,
                BaseCosmology = baseCosmology,
                TrueCosmology = truth,
                TransferFunction = snapshot.BaseCosmology.Transfer.Name,
            });
        }

        return updates;
    }

    private static CosmologyPosterior ToPosterior(CosmologyConstraint c) => new(
        c.OmegaM.Mean,
        c.OmegaM.Sigma,
        c.Sigma8.Mean,
        c.Sigma8.Sigma,
        c.S8.Mean,
        c.S8.Sigma,
        c.OmegaMAxis,
        c.Sigma8Axis,
        [.. c.LogLikelihood.Select(l => double.IsFinite(l) ? l : (double?)null)]);

    private static CosmologyParameters ToParameters(FlatLcdm c) => new(c.OmegaM, c.OmegaB, c.LittleH, c.Ns, c.Sigma8);
}
