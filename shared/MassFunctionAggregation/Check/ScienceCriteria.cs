using System.Globalization;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>
/// The criteria both science checks (posterior-level mocks, <see cref="MassFunctionCheck"/>; member catalogues through
/// the whole stream, <c>pipeline science-check</c>) apply to the final massfunction updates of a survey whose theory
/// is drawn at the true cosmology:
/// <list type="number">
/// <item>every (z, M) bin above the completeness limit expected to hold ≥ <see cref="MinExpectedPerBin"/> clusters lies
/// within <see cref="MaxAbsPull"/> of its own error (Poisson and posterior sampling) of the prediction — with ~40 such
/// bins a calibrated error bar fails this about 2 % of the time (Gaussian tails; heavier Poisson tails at N ≈ 10);</item>
/// <item>the total count above the limit lies within <see cref="MaxTotalSigmas"/> Poisson σ of the expectation;</item>
/// <item>the true (Ω_m, σ8) lies inside the 95 % highest-posterior-density region of the grid posterior (fails in
/// about 5 % of realisations when the errors are calibrated).</item>
/// </list>
/// </summary>
public static class ScienceCriteria
{
    /// <summary>Per-bin test threshold on |pull|.</summary>
    public const double MaxAbsPull = 3.5;

    /// <summary>Bins expected to hold fewer clusters are not tested one by one (Poisson is far from Gaussian there).</summary>
    public const double MinExpectedPerBin = 10;

    /// <summary>Total-count test threshold, Poisson σ.</summary>
    public const double MaxTotalSigmas = 3;

    /// <summary>Applies the criteria to <paramref name="final"/> (one update per redshift bin, all posteriors in).</summary>
    public static ScienceCriteriaResult Evaluate(IReadOnlyList<MassFunctionUpdate> final, FlatLcdm truth)
    {
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(truth);
        var failures = new List<string>();
        var bins = new List<BinComparison>();
        double observedAbove = 0;
        double expectedAbove = 0;
        foreach (MassFunctionUpdate update in final.OrderBy(u => u.RedshiftMin))
        {
            for (int i = 0; i + 1 < update.Log10MassEdges.Count; i++)
            {
                if (update.Log10MassEdges[i] < update.CompletenessLimitLog10M - 1e-9) continue;
                observedAbove += update.Counts[i];
                expectedAbove += update.TheoryExpectedCounts[i];
                double error = update.DnDlog10MError[i];
                double pull = error > 0 ? (update.DnDlog10M[i] - update.TheoryDnDlog10M[i]) / error : double.NaN;
                bool tested = update.TheoryExpectedCounts[i] >= MinExpectedPerBin;
                bins.Add(new BinComparison(update.SeriesId, update.Log10MassEdges[i], update.Log10MassEdges[i + 1], update.Counts[i], update.TheoryExpectedCounts[i],
                    update.DnDlog10M[i], error, update.TheoryDnDlog10M[i], pull, tested));
                if (tested && !(Math.Abs(pull) <= MaxAbsPull))
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{update.SeriesId}, log M {update.Log10MassEdges[i]:F1}-{update.Log10MassEdges[i + 1]:F1}: N = {update.Counts[i]}, expected {update.TheoryExpectedCounts[i]:F1}, pull {pull:F2}"));
                }
            }
        }

        double totalSigmas = (observedAbove - expectedAbove) / Math.Sqrt(expectedAbove);
        if (!(Math.Abs(totalSigmas) <= MaxTotalSigmas))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"above the completeness limit: N = {observedAbove}, expected {expectedAbove:F1} ({totalSigmas:F1} sigma)"));
        }

        CosmologyPosterior posterior = final[0].Cosmology ?? throw new InvalidOperationException("the final update carries no cosmology posterior");
        (double truthMinusMax, double level95MinusMax, bool inside) = CosmologyRegion.Evaluate(posterior, truth.OmegaM, truth.Sigma8);
        if (!inside)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"the truth (Omega_m {truth.OmegaM}, sigma8 {truth.Sigma8}) lies outside the 95 % region: ln L - max = {truthMinusMax:F2} < {level95MinusMax:F2}"));
        }

        return new ScienceCriteriaResult(bins, observedAbove, expectedAbove, posterior, truthMinusMax, level95MinusMax, inside, failures);
    }

    /// <summary>The counts line, optionally every bin above the limit (observed, expected, pull), and the cosmology line.</summary>
    public static void Print(ScienceCriteriaResult r, CosmologyParameters truth, double completenessLimitLog10M, TextWriter output, bool perBin = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(output);
        CosmologyPosterior c = r.CosmologyPosterior;
        double trueS8 = truth.Sigma8 * Math.Sqrt(truth.OmegaM / 0.3);
        int tested = r.Bins.Count(b => b.Tested);
        double maxPull = r.Bins.Where(b => b.Tested).Select(b => Math.Abs(b.Pull)).DefaultIfEmpty(0).Max();
        if (perBin)
        {
            output.WriteLine("  series            log M      N   expected    pull  tested");
            foreach (BinComparison b in r.Bins.Where(b => b.ObservedCounts > 0 || b.ExpectedCounts >= 0.5))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {b.SeriesId,-16} {b.Log10MassMin:F1}-{b.Log10MassMax:F1} {b.ObservedCounts,6:F0} {b.ExpectedCounts,10:F1} {b.Pull,7:F2}  {(b.Tested ? "yes" : "no")}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mass function above 10^{completenessLimitLog10M:F1}: N = {r.ObservedAboveLimit}, expected {r.ExpectedAboveLimit:F1}; " +
            $"{tested} bins with >= {MinExpectedPerBin} expected, max |pull| {maxPull:F2} (limit {MaxAbsPull})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cosmology: Omega_m = {c.OmegaMMean:F3} +- {c.OmegaMSigma:F3} (true {truth.OmegaM}), sigma8 = {c.Sigma8Mean:F3} +- {c.Sigma8Sigma:F3} (true {truth.Sigma8}), " +
            $"S8 = {c.S8Mean:F3} +- {c.S8Sigma:F3} (true {trueS8:F3}); ln L(truth) - max = {r.LogLikelihoodTruthMinusMax:F2}, 95 % level {r.Level95MinusMax:F2}: " +
            $"{(r.TruthInside95 ? "inside" : "OUTSIDE")}"));
    }
}
