using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Dynamics.Tests.Mocks;

public sealed class ObservationalSelectionTests
{
    [Fact]
    public void Completeness_is_one_half_at_the_limit_and_falls_with_magnitude()
    {
        var selection = new ObservationalSelection();
        Assert.Equal(0.5, selection.Completeness(selection.ApparentMagnitudeLimit), 1e-15);
        Assert.True(selection.Completeness(16) > 0.999);
        Assert.True(selection.Completeness(18.5) < 0.001);
        Assert.Equal(1.0, (selection with { ApplyFluxLimit = false }).Completeness(25));
    }

    [Fact]
    public void Defaults_are_the_ho_2019_cylinder_and_richness_cut()
    {
        var selection = new ObservationalSelection();
        Assert.Equal(1.6, selection.ApertureMpcOverH);
        Assert.Equal(2200, selection.VelocityCutKmPerS);
        Assert.Equal(11, selection.MinimumGalaxyCount);
    }
}
