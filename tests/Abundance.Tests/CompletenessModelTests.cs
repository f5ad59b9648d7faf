using StreamProcessor.Abundance.Selection;

namespace StreamProcessor.Abundance.Tests;

public sealed class CompletenessModelTests
{
    [Fact]
    public void Tabulated_completeness_reproduces_a_bilinear_function_exactly_and_clamps_outside()
    {
        // f = 0.1 + 0.2 u + 0.3 v + 0.2 u v on u = log M − 13.5 ∈ [0, 1], v = z / 0.5 ∈ [0, 1] is bilinear, so interpolation is exact.
        static double F(double log10M, double z)
        {
            double u = log10M - 13.5;
            double v = z / 0.5;
            return 0.1 + (0.2 * u) + (0.3 * v) + (0.2 * u * v);
        }

        double[] masses = [13.5, 13.8, 14.5];
        double[] redshifts = [0.0, 0.2, 0.5];
        var values = masses.SelectMany(m => redshifts.Select(z => F(m, z))).ToArray();
        CompletenessModel table = new TabulatedCompleteness(masses, redshifts, values).Validated();

        foreach ((double m, double z) in new[] { (13.6, 0.1), (14.2, 0.45), (13.5, 0.0), (14.5, 0.5), (13.95, 0.3) })
        {
            Assert.Equal(F(m, z), table.Evaluate(m, z), 1e-12);
        }

        Assert.Equal(F(14.5, 0.5), table.Evaluate(15.3, 0.9), 1e-12);
        Assert.Equal(F(13.5, 0.0), table.Evaluate(12.0, 0.0), 1e-12);
        Assert.Equal(F(14.5, 0.2), table.ToCompleteness()(Math.Pow(10, 14.5), 0.2), 1e-12);
    }

    [Fact]
    public void Logistic_completeness_is_one_half_at_its_redshift_dependent_threshold()
    {
        var logistic = new LogisticCompleteness(13.6, 1.0, 0.05);
        Assert.Equal(0.5, logistic.Evaluate(13.7, 0.1), 1e-12);
        Assert.Equal(1.0 / (1.0 + Math.Exp(-1.0)), logistic.Evaluate(13.75, 0.1), 1e-12);
        Assert.True(logistic.Evaluate(13.7, 0.2) < 0.5);
    }

    [Fact]
    public void Invalid_tables_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TabulatedCompleteness([13, 14], [0, 1], [0, 0.5, 1, 1.2]).Validated());
        Assert.Throws<ArgumentException>(() => new TabulatedCompleteness([14, 13], [0, 1], [0, 0, 1, 1]).Validated());
        Assert.Throws<ArgumentException>(() => new TabulatedCompleteness([13, 14], [0, 1], [0, 0, 1]).Validated());
    }
}
