using System.Diagnostics;
using StreamProcessor.Abundance.Mocks;
using StreamProcessor.Cosmology;
using Xunit.Abstractions;

namespace StreamProcessor.Abundance.Tests;

/// <summary>
/// End to end: mock surveys drawn at a known cosmology, observed with a completeness cut and 0.1 dex mass noise,
/// streamed through the accumulator, must give back their input mass function and cosmology. Each case uses four
/// independent realisations (four surveys of one accumulator), so that the 95 % check tests calibration rather
/// than one lucky or unlucky draw: for a calibrated posterior, two or more misses out of four happen 1.4 % of the time.
/// </summary>
public sealed class MassFunctionRecoveryTests(ITestOutputHelper output)
{
    private const double SkyAreaDeg2 = 5000;
    private const double PosteriorSigmaDex = 0.1;
    private const int Realisations = 4;

    [Theory]
    [InlineData(0.3111, 0.8102, 100)]
    [InlineData(0.25, 0.9, 200)]
    public void Mock_surveys_return_their_input_mass_function_and_cosmology(double omegaM, double sigma8, int firstSeed)
    {
        FlatLcdm truth = FlatLcdm.Planck18 with { OmegaM = omegaM, Sigma8 = sigma8 };
        SurveyConfiguration[] surveys = [.. Enumerable.Range(0, Realisations).Select(r => TestSurveys.LowRedshift($"mock-{r}", SkyAreaDeg2, truth))];
        var accumulator = new MassFunctionAccumulator(surveys);
        foreach ((SurveyConfiguration survey, int r) in surveys.Select((s, r) => (s, r)))
        {
            int seed = firstSeed + r;
            IReadOnlyList<MockHalo> haloes = MockSurveyDrawer.Draw(truth, new MockSurveyOptions { SkyAreaDeg2 = SkyAreaDeg2, Seed = seed, IdPrefix = survey.Name });
            IReadOnlyList<MassPosterior> posteriors = MockPosteriors.Observe(haloes, survey.Name, survey.Completeness, PosteriorSigmaDex, seed + 1000, TestSurveys.Epoch);
            foreach (MassPosterior p in posteriors) Assert.True(accumulator.Ingest(p).Stored);
        }

        int limit = surveys[0].FitFirstMassBin();
        int inside = 0;
        double observedTotal = 0;
        double predictedTotal = 0;
        foreach (SurveyConfiguration survey in surveys)
        {
            var clock = Stopwatch.StartNew();
            MassFunctionSnapshot snapshot = accumulator.Snapshot(survey.Name);
            double first = clock.Elapsed.TotalSeconds;
            clock.Restart();
            MassFunctionSnapshot again = accumulator.Snapshot(survey.Name);
            double warm = clock.Elapsed.TotalSeconds;

            // Timings are printed, not asserted: speed targets live in `bench massfunction`.
            output.WriteLine($"{survey.Name}: {snapshot.Counters.ClustersAccepted} clusters; first snapshot {first:F2} s, warm {warm * 1e3:F1} ms");
            Assert.Equal(snapshot.RedshiftBins.Select(b => b.SigmaH3PerMpc3), again.RedshiftBins.Select(b => b.SigmaH3PerMpc3));
            Assert.Equal(PosteriorSigmaDex, snapshot.ScatterDex, 1e-12);

            // Mass function above the completeness limit: every bin expected to hold ≥ 10 clusters lies within
            // 3.5σ (its own error bar) of the prediction at the input cosmology.
            foreach (RedshiftBinMassFunction bin in snapshot.RedshiftBins)
            {
                for (int i = limit; i < snapshot.Log10MassEdges.Count - 1; i++)
                {
                    observedTotal += bin.ObservedCounts[i];
                    predictedTotal += bin.PredictedCounts[i];
                    if (bin.PredictedCounts[i] < 10) continue;
                    double pull = (bin.DnDlog10MH3PerMpc3[i] - bin.PredictedDnDlog10MH3PerMpc3[i]) / bin.SigmaH3PerMpc3[i];
                    Assert.True(Math.Abs(pull) < 3.5, $"z {bin.RedshiftMin}-{bin.RedshiftMax}, log M {snapshot.Log10MassEdges[i]:F1}: N = {bin.ObservedCounts[i]}, predicted {bin.PredictedCounts[i]:F1}, pull {pull:F2}");
                }
            }

            CosmologyConstraint cosmology = Assert.IsType<CosmologyConstraint>(snapshot.Cosmology);
            Assert.Equal(50 * 50, cosmology.LogLikelihood.Count);
            bool covered = cosmology.IsInside95(omegaM, sigma8);
            if (covered) inside++;
            output.WriteLine($"  Ω_m = {cosmology.OmegaM.Mean:F3} ± {cosmology.OmegaM.Sigma:F3} (true {omegaM}), σ8 = {cosmology.Sigma8.Mean:F3} ± {cosmology.Sigma8.Sigma:F3} (true {sigma8}), " +
                             $"S8 = {cosmology.S8.Mean:F3} ± {cosmology.S8.Sigma:F3} (true {sigma8 * Math.Sqrt(omegaM / 0.3):F3}); ln L(truth) − max = " +
                             $"{cosmology.LogLikelihoodAt(omegaM, sigma8) - cosmology.MaxLogLikelihood:F2} vs 95 % level {cosmology.LogLikelihoodLevel95 - cosmology.MaxLogLikelihood:F2}: {(covered ? "inside" : "outside")}");
        }

        // The stacked count above the limit (about 4 × 1000 clusters) within 3 Poisson σ of the prediction.
        output.WriteLine($"above 10^{surveys[0].Log10MassEdges[limit]:F1}, {Realisations} realisations: observed {observedTotal}, predicted {predictedTotal:F1}");
        Assert.InRange(observedTotal, predictedTotal - (3 * Math.Sqrt(predictedTotal)), predictedTotal + (3 * Math.Sqrt(predictedTotal)));
        Assert.True(inside >= Realisations - 1, $"the truth lies inside the 95 % region in only {inside} of {Realisations} realisations");
    }
}
