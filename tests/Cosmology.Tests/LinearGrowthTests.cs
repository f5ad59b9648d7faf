namespace StreamProcessor.Cosmology.Tests;

public sealed class LinearGrowthTests
{
    [Fact]
    public void Growth_is_one_today()
    {
        Assert.Equal(1.0, LinearGrowth.Factor(0.0, FlatLcdm.Planck18), 14);
    }

    [Theory]
    [InlineData(0.3111, 0.5)]
    [InlineData(0.3111, 1.0)]
    [InlineData(0.3111, 2.0)]
    [InlineData(0.2, 1.0)]
    [InlineData(0.5, 0.3)]
    public void Growth_matches_an_ODE_integration_of_the_linear_growth_equation(double omegaM, double redshift)
    {
        var cosmology = FlatLcdm.Planck18 with { OmegaM = omegaM };
        double expected = OdeGrowth(redshift, omegaM) / OdeGrowth(0.0, omegaM);
        Assert.Equal(expected, LinearGrowth.Factor(redshift, cosmology), 1e-6);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Growth_agrees_with_the_Carroll_Press_Turner_approximation_within_one_percent(double redshift)
    {
        // Carroll, Press & Turner (1992), ARA&A 30, 499, Eq. 29: g(Ω_m, Ω_Λ) = 2.5 Ω_m / [Ω_m^{4/7} − Ω_Λ + (1 + Ω_m/2)(1 + Ω_Λ/70)].
        FlatLcdm c = FlatLcdm.Planck18;
        static double G(double om, double ol) => 2.5 * om / (Math.Pow(om, 4.0 / 7.0) - ol + ((1 + (om / 2)) * (1 + (ol / 70))));
        double omZ = Background.OmegaMAt(redshift, c);
        double expected = G(omZ, 1 - omZ) / G(c.OmegaM, c.OmegaLambda) / (1 + redshift);
        Assert.Equal(expected, LinearGrowth.Factor(redshift, c), expected * 0.01);
    }

    /// <summary>
    /// RK4 integration in ln a of D'' + (2 + dln E/dln a) D' − (3/2) Ω_m(a) D = 0 (' = d/dln a), from the matter-era
    /// growing mode D = a at a = 1e-3 (Λ is 1e-9 of the density there).
    /// </summary>
    private static double OdeGrowth(double redshift, double omegaM)
    {
        double omegaL = 1 - omegaM;
        double OmegaMOfA(double a) => omegaM / (omegaM + (omegaL * a * a * a));
        (double, double) Derivative(double lnA, double d, double dPrime)
        {
            double om = OmegaMOfA(Math.Exp(lnA));
            double dlnE = -1.5 * om;
            return (dPrime, (1.5 * om * d) - ((2 + dlnE) * dPrime));
        }

        double lnStart = Math.Log(1e-3);
        double lnEnd = -Math.Log(1 + redshift);
        int steps = 20000;
        double h = (lnEnd - lnStart) / steps;
        double x = lnStart, y = 1e-3, v = 1e-3;
        for (int i = 0; i < steps; i++)
        {
            (double k1y, double k1v) = Derivative(x, y, v);
            (double k2y, double k2v) = Derivative(x + (h / 2), y + (h / 2 * k1y), v + (h / 2 * k1v));
            (double k3y, double k3v) = Derivative(x + (h / 2), y + (h / 2 * k2y), v + (h / 2 * k2v));
            (double k4y, double k4v) = Derivative(x + h, y + (h * k3y), v + (h * k3v));
            y += h / 6 * (k1y + (2 * k2y) + (2 * k3y) + k4y);
            v += h / 6 * (k1v + (2 * k2v) + (2 * k3v) + k4v);
            x += h;
        }

        return y;
    }
}
