using StreamProcessor.PhaseSpace.Selection;

namespace StreamProcessor.PhaseSpace.Tests.Selection;

public sealed class ObservationalLimitsTests
{
    [Fact]
    public void Aperture_and_velocity_cut_are_strict_and_keep_the_input_order()
    {
        double[] r = [0.1, 1.6, 0.5, 1.59, 0.3];
        double[] v = [100, 0, 2200, -2199, double.NaN];
        var limits = ObservationalLimits.Default with { MinimumMembers = 1 };

        var selection = limits.Apply(r, v);

        Assert.Equal([0, 3], selection.KeptIndices);
        Assert.True(selection.IsAccepted);
        Assert.Equal(["R_proj < 1.6 h^-1 Mpc", "|v_los| < 2200 km/s", "N_members >= 1"], selection.LimitsApplied);
    }

    [Fact]
    public void Magnitude_limit_drops_faint_and_undetected_galaxies()
    {
        double[] r = [0.1, 0.2, 0.3, 0.4];
        double[] v = [0, 10, 20, 30];
        double[] m = [18.0, 19.5, 19.6, double.NaN];
        var limits = new ObservationalLimits { MagnitudeLimit = 19.5, MinimumMembers = 2 };

        var selection = limits.Apply(r, v, m);

        Assert.Equal([0, 1], selection.KeptIndices);
        Assert.Contains("m <= 19.5", selection.LimitsApplied);
    }

    [Fact]
    public void Too_few_remaining_members_reject_the_cluster_with_a_reason()
    {
        double[] r = Enumerable.Repeat(0.5, 12).ToArray();
        double[] v = Enumerable.Range(0, 12).Select(i => i < 10 ? 100.0 * i : 5000.0).ToArray();

        var selection = ObservationalLimits.Default.Apply(r, v);

        Assert.False(selection.IsAccepted);
        Assert.Equal(10, selection.KeptIndices.Count);
        Assert.Contains("at least 11", selection.RejectionReason);
    }

    [Fact]
    public void Gather_copies_the_kept_members()
    {
        double[] r = [0.1, 2.0, 0.3];
        var selection = (ObservationalLimits.Default with { MinimumMembers = 1 }).Apply(r, [0.0, 0.0, 0.0]);
        var kept = new double[selection.KeptIndices.Count];

        selection.Gather(r, kept);

        Assert.Equal([0.1, 0.3], kept);
    }

    [Fact]
    public void A_magnitude_limit_without_magnitudes_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => new ObservationalLimits { MagnitudeLimit = 20 }.Apply([0.1], [0.0]));
    }
}
