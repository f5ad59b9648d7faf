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
    public void A_rejection_names_each_limit_and_how_many_members_it_removed()
    {
        // 2 outside the aperture (one NaN), 1 beyond the velocity cut, 2 too faint, 3 without a magnitude, 2 kept.
        double[] r = [2.0, double.NaN, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
        double[] v = [0, 0, 3000, 100, 100, 100, 100, 100, 100, 100];
        double[] m = [15, 15, 15, 20, 21, double.NaN, double.NaN, double.NaN, 16, 17];

        var selection = (ObservationalLimits.Default with { MagnitudeLimit = 19.5 }).Apply(r, v, m);

        Assert.Equal([8, 9], selection.KeptIndices);
        Assert.Equal(
            "2 of 10 galaxies pass the limits (2 outside R_proj < 1.6 h^-1 Mpc, 1 outside |v_los| < 2200 km/s, " +
            "2 fainter than m = 19.5, 3 without a magnitude); at least 11 members are required.",
            selection.RejectionReason);
    }

    [Fact]
    public void Members_without_magnitudes_under_a_magnitude_limit_are_named_as_the_cause()
    {
        double[] r = Enumerable.Repeat(0.5, 40).ToArray();
        double[] v = Enumerable.Repeat(100.0, 40).ToArray();
        double[] m = Enumerable.Repeat(double.NaN, 40).ToArray();

        var selection = (ObservationalLimits.Default with { MagnitudeLimit = 17.77 }).Apply(r, v, m);

        Assert.Contains("0 of 40 galaxies pass the limits", selection.RejectionReason);
        Assert.Contains("0 fainter than m = 17.77, 40 without a magnitude", selection.RejectionReason);
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
