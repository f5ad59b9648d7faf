using StreamProcessor.Emulation.Gp;

namespace StreamProcessor.Emulation.Tests.Gp;

public sealed class PrincipalComponentsTests
{
    [Fact]
    public void Rank_two_profiles_are_reconstructed_exactly_by_two_orthonormal_components()
    {
        var random = new Random(3);
        double[] a = [.. Enumerable.Range(0, 30).Select(i => -0.1 * i)];
        double[] b = [.. Enumerable.Range(0, 30).Select(i => Math.Sin(i / 5.0))];
        double[][] rows = [.. Enumerable.Range(0, 50).Select(_ =>
        {
            double u = random.NextDouble();
            double v = random.NextDouble();
            return a.Zip(b, (x, y) => 1 + (u * x) + (v * y)).ToArray();
        })];
        var pca = PrincipalComponents.Fit(rows, 0.999999, 10);
        Assert.Equal(2, pca.Components.Length);
        Assert.Equal(1.0, pca.ExplainedVariance.Sum(), 6);
        Assert.Equal(1.0, pca.Components[0].Sum(x => x * x), 10);
        Assert.Equal(0.0, pca.Components[0].Zip(pca.Components[1], (x, y) => x * y).Sum(), 10);
        var back = new double[30];
        pca.Reconstruct(pca.Project(rows[7]), back);
        Assert.All(back.Zip(rows[7]), p => Assert.Equal(p.Second, p.First, 9));
    }

    [Fact]
    public void The_component_cap_holds()
    {
        var random = new Random(5);
        double[][] rows = [.. Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 12).Select(_ => random.NextDouble()).ToArray())];
        Assert.Equal(3, PrincipalComponents.Fit(rows, 0.999, 3).Components.Length);
        Assert.Throws<ArgumentException>(() => PrincipalComponents.Fit([rows[0]], 0.9, 3));
    }
}
