using StreamProcessor.Abundance;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Inference;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunction.Tests;

public sealed class MassFunctionUpdatesTests
{
    [Fact]
    public void Series_ids_have_the_form_the_schema_documents()
    {
        // The mass-function schema's example key.
        Assert.Equal("mock-desi/z0.10-0.30", MassFunctionUpdates.SeriesId("mock-desi", 0.10, 0.30));
        Assert.Equal("demo/z0.03-0.07", MassFunctionUpdates.SeriesId("demo", 0.03, 0.07));
        Assert.Equal("demo/z0.125-0.15", MassFunctionUpdates.SeriesId("demo", 0.125, 0.15));
    }

    [Fact]
    public void A_snapshot_becomes_one_update_per_redshift_bin_that_the_codec_accepts()
    {
        var survey = TestPosteriors.SmallSurvey("map");
        var accumulator = new MassFunctionAccumulator([survey.ToConfiguration()]);
        foreach (var p in TestPosteriors.Spread(survey.Name, 60)) _ = accumulator.Ingest(PosteriorMapping.Map(p));
        var snapshot = accumulator.Snapshot(survey.Name);
        var sequences = new UpdateSequences();
        sequences.Observe("map/z0.10-0.20", 41);
        var truth = new CosmologyParameters(0.3, 0.05, 0.7, 0.96, 0.8);

        var updates = MassFunctionUpdates.FromSnapshot(snapshot, sequences.Next, truth, "test-version");

        Assert.Equal(2, updates.Count);
        Assert.Equal([1L, 42L], updates.Select(u => u.UpdateSequence));
        Assert.All(updates, u => Assert.Equal("eisenstein-hu-1998", u.TransferFunction));
        var codec = new MassFunctionUpdateCodec();
        foreach (var (update, bin) in updates.Zip(snapshot.RedshiftBins))
        {
            Assert.Equal(bin.ObservedCounts.Select(n => (double)n), update.Counts);
            Assert.Equal(bin.PredictedCounts, update.TheoryExpectedCounts);
            for (int i = 0; i < update.Counts.Count; i++)
            {
                // The ratio is measured over theory, counts and densities alike (one volume and bin width per bin).
                Assert.Equal(update.Counts[i] / update.TheoryExpectedCounts[i], update.Ratio[i]!.Value, 1e-12);
                Assert.Equal(update.DnDlog10M[i] / update.TheoryDnDlog10M[i], update.Ratio[i]!.Value, 1e-9);
            }

            var decoded = codec.Decode(codec.Encode(update));
            Assert.Equal(update.Counts, decoded.Counts);
            Assert.Equal(truth, decoded.TrueCosmology);
            Assert.Equal(snapshot.Cosmology!.OmegaM.Mean, decoded.Cosmology!.OmegaMMean);
            Assert.Equal(60, decoded.NPosteriors);
        }
    }

    [Fact]
    public void Infinite_log_likelihoods_and_undefined_ratios_become_nulls()
    {
        double[] edges = [14.0, 14.5, 15.0];
        var bin = new RedshiftBinMassFunction(0.1, 0.2, 1e6, [3, 0], [0, 0], [6e-6, 0], [3.5e-6, 0], [0, 0], [3.5e-6, 0], [2.5, 0], [5e-6, 0], [5e-6, 0], [5e-6, 0],
            [1.2, double.NaN], [0.7, double.NaN]);
        var constraint = new CosmologyConstraint(new ParameterSummary(0.3, 0.02), new ParameterSummary(0.8, 0.03), new ParameterSummary(0.8, 0.01), 0.3, 0.8, -1.0,
            [0.2, 0.4], [0.7, 0.9], [-1.0, double.NegativeInfinity, -2.0, -3.0], -1.5, -3.0, 14.0, 3);
        var snapshot = new MassFunctionSnapshot("hand", "v", TestPosteriors.Epoch, new SurveyCounters(3, 3, 0, 0, 3, 3, 0, 3), 3, 3, 100, "200c", edges, 14.0,
            0.1, 0.1, 20, 1, FlatLcdm.Planck18, [bin], constraint);

        var update = Assert.Single(MassFunctionUpdates.FromSnapshot(snapshot, _ => 1, null, "v"));

        Assert.Equal([1.2, null], update.Ratio);
        Assert.Equal([-1.0, null, -2.0, -3.0], update.Cosmology!.LogLikelihood);
        Assert.Null(update.TrueCosmology);
        var codec = new MassFunctionUpdateCodec();
        Assert.Equal(update.Ratio, codec.Decode(codec.Encode(update)).Ratio);
    }
}
