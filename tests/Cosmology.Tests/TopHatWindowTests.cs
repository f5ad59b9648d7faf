using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.Tests;

public sealed class TopHatWindowTests
{
    [Fact]
    public void Window_is_one_at_the_origin_and_continuous_where_the_series_takes_over()
    {
        Assert.Equal(1.0, TopHatWindow.Value(0.0), 15);
        Assert.Equal(0.0, TopHatWindow.Derivative(0.0), 15);
        // Either side of the switch at x = 0.1 (series below, closed form above), after removing the first-order change.
        const double below = 0.1 - 1e-9, above = 0.1 + 1e-9;
        Assert.Equal(TopHatWindow.Value(below) + (TopHatWindow.Derivative(0.1) * 2e-9), TopHatWindow.Value(above), 13);
        Assert.Equal(TopHatWindow.Derivative(below), TopHatWindow.Derivative(above), 9);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.4934)]
    [InlineData(20.0)]
    public void Derivative_matches_a_central_difference_of_the_window(double x)
    {
        const double step = 1e-5;
        double numeric = (TopHatWindow.Value(x + step) - TopHatWindow.Value(x - step)) / (2 * step);
        Assert.Equal(numeric, TopHatWindow.Derivative(x), 1e-9);
        (double value, double derivative) = TopHatWindow.ValueAndDerivative(x);
        Assert.Equal(TopHatWindow.Value(x), value, 15);
        Assert.Equal(TopHatWindow.Derivative(x), derivative, 15);
    }

    [Fact]
    public void Window_vanishes_at_the_first_root_of_tan_x_equals_x()
    {
        // sin x − x cos x = 0 ⇔ tan x = x; first positive root 4.493409457909064.
        Assert.Equal(0.0, TopHatWindow.Value(4.493409457909064), 12);
    }
}
