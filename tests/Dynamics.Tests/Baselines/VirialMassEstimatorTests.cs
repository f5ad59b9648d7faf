using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.Dynamics.Tests.Baselines;

public sealed class VirialMassEstimatorTests
{
    [Fact]
    public void Virial_mass_of_a_sampled_plummer_sphere_is_its_total_mass()
    {
        // Equal-mass Plummer sphere in virial equilibrium, sampled from its distribution function as in
        // Aarseth, Hénon & Wielen (1974), A&A 37, 183: r = a / sqrt(X^(−2/3) − 1); speed q v_esc with
        // q from g(q) = q² (1 − q²)^(7/2) by rejection; v_esc = sqrt(2 G M) (r² + a²)^(−1/4).
        const double totalMass = 2e14;
        const double scale = 0.25;
        const int members = 400;
        double g = PhysicalConstants.GravitationalConstantMpcKm2PerS2PerMsun;
        var random = new SeededRandom(1985);

        var estimates = new List<double>();
        for (int realisation = 0; realisation < 8; realisation++)
        {
            var x = new double[members];
            var y = new double[members];
            var v = new double[members];
            for (int i = 0; i < members; i++)
            {
                double r = scale / Math.Sqrt(Math.Pow(random.NextOpenDouble(), -2.0 / 3.0) - 1);
                (double nx, double ny, _) = RandomDirection(random);
                x[i] = r * nx;
                y[i] = r * ny;
                double q;
                while (true)
                {
                    q = random.NextDouble();
                    if (0.1 * random.NextDouble() < q * q * Math.Pow(1 - (q * q), 3.5)) break;
                }
                double escape = Math.Sqrt(2 * g * totalMass) * Math.Pow((r * r) + (scale * scale), -0.25);
                (_, _, double vz) = RandomDirection(random);
                v[i] = q * escape * vz;
            }
            estimates.Add(VirialMassEstimator.MassMsunOverH(x, y, v));
        }

        double mean = estimates.Average();
        Assert.InRange(mean / totalMass, 1 / 1.5, 1.5);
    }

    [Fact]
    public void Virial_mass_scales_with_the_velocity_dispersion_squared_and_the_size()
    {
        double[] x = [0.1, -0.4, 0.3, 0.0, -0.2];
        double[] y = [0.2, 0.1, -0.5, 0.4, -0.1];
        double[] v = [300, -200, 150, -400, 100];
        double m = VirialMassEstimator.MassMsunOverH(x, y, v);
        Assert.Equal(4 * m, VirialMassEstimator.MassMsunOverH(x, y, v.Select(u => 2 * u).ToArray()), 4 * m * 1e-12);
        Assert.Equal(3 * m, VirialMassEstimator.MassMsunOverH(x.Select(u => 3 * u).ToArray(), y.Select(u => 3 * u).ToArray(), v), 3 * m * 1e-12);
    }

    [Fact]
    public void Two_galaxies_give_the_closed_form()
    {
        // N = 2: M = (3π/2G) σ² 4 R, σ² = (v1 − v2)²/2 with N − 1 = 1.
        double m = VirialMassEstimator.MassMsunOverH([0, 0.3], [0, 0.4], [250, -250]);
        double expected = 3 * Math.PI / (2 * PhysicalConstants.GravitationalConstantMpcKm2PerS2PerMsun) * (500.0 * 500.0 / 2) * 4 * 0.5;
        Assert.Equal(expected, m, expected * 1e-12);
    }

    private static (double X, double Y, double Z) RandomDirection(SeededRandom random)
    {
        double cosTheta = (2 * random.NextDouble()) - 1;
        double sinTheta = Math.Sqrt(1 - (cosTheta * cosTheta));
        double phi = 2 * Math.PI * random.NextDouble();
        return (sinTheta * Math.Cos(phi), sinTheta * Math.Sin(phi), cosTheta);
    }
}
