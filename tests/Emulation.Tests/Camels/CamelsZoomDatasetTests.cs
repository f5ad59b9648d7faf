using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation.Tests.Camels;

public sealed class CamelsZoomDatasetTests
{
    [Fact]
    public void The_real_subset_loads_with_its_documented_shape()
    {
        var data = CamelsData.Dataset;
        Assert.Equal(625, data.Halos.Count);
        Assert.Equal(28, data.Parameters.Count);
        Assert.Equal(30, data.RadiiKpc.Count);
        Assert.Equal(11.2202, data.RadiiKpc[0], 4);
        Assert.Equal(8912.51, data.RadiiKpc[^1], 2);
        Assert.Equal(5, data.Parameters.Count(p => p.Group == "cosmological"));
        Assert.All(data.Halos, h => Assert.Equal(4, h.Log10Profiles.Count));
        Assert.All(data.Halos.SelectMany(h => h.Log10Profiles.Values).SelectMany(v => v), v => Assert.True(double.IsFinite(v)));
        // A few n_gas / T_gas / xsb bins are exactly 0 and two Z_gas rows hold NaN (README): they were interpolated.
        Assert.InRange(data.RepairedBins, 1, 2000);
        var omega = data.Parameters.Single(p => p.Name == "Omega0");
        Assert.All(data.Halos, h => Assert.InRange(h.Parameters[0], omega.Min, omega.Max));
    }

    [Fact]
    public void Base_and_surrogate_share_a_seed_and_the_design_mass()
    {
        var data = CamelsData.Dataset;
        var zoom0 = data.Halos.Single(h => h.ZoomId == 0);
        var zoom128 = data.Halos.Single(h => h.ZoomId == 128);
        Assert.Equal(zoom0.Seed, zoom128.Seed);
        Assert.NotEqual(zoom0.Parameters[0], zoom128.Parameters[0]);
        Assert.True(data.Halos.GroupBy(h => h.Seed).All(g => g.Count() <= 2));
    }

    [Fact]
    public void Invalid_bins_are_interpolated_in_log()
    {
        double[] values = [1, 0, 100, double.NaN, -1];
        Assert.Equal(3, CamelsZoomDataset.RepairLog10(values, "test"));
        Assert.Equal([0, 1, 2, 2, 2], values);
        Assert.Throws<InvalidDataException>(() => CamelsZoomDataset.RepairLog10([0, double.NaN], "test"));
    }

    [Fact]
    public void A_missing_folder_names_the_file()
    {
        var e = Assert.Throws<FileNotFoundException>(() => CamelsZoomDataset.Load("/nonexistent-camels"));
        Assert.Contains("param_ranges.csv", e.Message);
    }

    [Fact]
    public void Pair_split_never_separates_a_pair_and_keeps_its_fractions()
    {
        var halos = CamelsData.Dataset.Halos;
        var split = PairSplit.Create(halos, 0.7, 0.15, seed: 1);
        var sets = new[] { split.Train, split.Validation, split.Test }.Select(s => s.Select(i => halos[i].Seed).ToHashSet()).ToArray();
        Assert.Empty(sets[0].Intersect(sets[1]));
        Assert.Empty(sets[0].Intersect(sets[2]));
        Assert.Empty(sets[1].Intersect(sets[2]));
        Assert.Equal(halos.Count, split.Train.Length + split.Validation.Length + split.Test.Length);
        Assert.InRange(split.Test.Length / (double)halos.Count, 0.12, 0.18);
        Assert.Equal(split.Test, PairSplit.Create(halos, 0.7, 0.15, seed: 1).Test);

        int[] rows = [.. split.Train];
        int[] folds = PairSplit.PairFolds(halos, rows, 5, seed: 2);
        Assert.True(rows.Select((r, i) => (halos[r].Seed, folds[i])).GroupBy(x => x.Seed).All(g => g.Select(x => x.Item2).Distinct().Count() == 1));
    }

    [Fact]
    public void Unit_mapping_round_trips_in_log_and_linear_priors()
    {
        var log = new CamelsParameter("A", 0.25, 4.0, 1.0, true, "log prior");
        var linear = new CamelsParameter("B", 0.1, 0.5, 0.3, false, "linear prior");
        Assert.Equal(0.5, log.ToUnit(1.0), 12);
        Assert.Equal(0.5, linear.ToUnit(0.3), 12);
        Assert.Equal(2.0, log.FromUnit(log.ToUnit(2.0)), 12);
        Assert.Equal("astrophysical", log.Group);
        Assert.Equal(ProfileKind.GasDensity, CamelsZoomDataset.StoredKinds["n_gas"]);
    }
}
