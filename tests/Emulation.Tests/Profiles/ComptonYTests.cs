using MathNet.Numerics;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation.Tests.Profiles;

public sealed class ComptonYTests
{
    // Log-spaced radii like CAMELS-zoomGZ28: 11.2 kpc to 8.9 Mpc in 0.1 dex steps.
    private static readonly double[] Radii = [.. Enumerable.Range(0, 30).Select(i => 11.2202 * Math.Pow(10, 0.1 * i))];

    /// <summary>
    /// A beta-model pressure P0 (1 + r^2/rc^2)^(-3 beta / 2) projects to
    /// P0 sqrt(pi) rc Gamma(3 beta/2 - 1/2) / Gamma(3 beta/2) (1 + R^2/rc^2)^(1/2 - 3 beta/2) (Cavaliere &amp; Fusco-Femiano
    /// 1976). For beta = 1 (P ~ r^-3) the line of sight's end at 9.4 Mpc costs nothing out to ~0.6 Mpc.
    /// </summary>
    [Fact]
    public void Beta_model_pressure_projects_to_the_analytic_profile()
    {
        const double core = 300;
        double Analytic(double projected) => ComptonY.ThomsonOverElectronRestEnergyPerKpc * CentralPressure * Math.Sqrt(Math.PI) * core
            * SpecialFunctions.Gamma(1.0) / SpecialFunctions.Gamma(1.5) * Math.Pow(1 + (projected * projected / (core * core)), -1);
        double[] y = FromBetaModel(1.0, core);
        foreach (int i in new[] { 0, 5, 10, 15 })
        {
            Assert.InRange(y[i] / Analytic(Radii[i]), 0.99, 1.01);
        }

        Assert.True(y.Zip(y.Skip(1)).All(p => p.Second < p.First), "y must fall with radius");
    }

    /// <summary>
    /// beta = 2/3 (P ~ r^-2) loses a few % beyond the edge, so compare with its exact truncated projection:
    /// integral over |l| &lt; L of P0 rc^2 / (a^2 + l^2) = 2 P0 rc^2 atan(L / a) / a, a^2 = rc^2 + R^2.
    /// </summary>
    [Fact]
    public void Truncated_projection_matches_the_closed_form_at_every_radius()
    {
        const double core = 150;
        double edge = Radii[^1] * Math.Pow(10, 0.05);
        double[] y = FromBetaModel(2.0 / 3.0, core);
        for (int i = 0; i < Radii.Length - 1; i++)
        {
            double a = Math.Sqrt((core * core) + (Radii[i] * Radii[i]));
            double exact = ComptonY.ThomsonOverElectronRestEnergyPerKpc * 2 * CentralPressure * core * core
                * Math.Atan(Math.Sqrt((edge * edge) - (Radii[i] * Radii[i])) / a) / a;
            Assert.InRange(y[i] / exact, 0.99, 1.01);
        }
    }

    private const double CentralPressure = 0.02; // keV cm^-3

    /// <summary>y from tabulated n_gas and T = 2 keV whose n_e k T is the beta model.</summary>
    private static double[] FromBetaModel(double beta, double core)
    {
        double Pressure(double r) => CentralPressure * Math.Pow(1 + (r * r / (core * core)), -1.5 * beta);
        double[] logDensity = [.. Radii.Select(r => Math.Log10(Pressure(r) / (2.0 * ComptonY.ElectronsPerGasParticle)))];
        double[] logTemperature = [.. Radii.Select(_ => Math.Log10(2.0))];
        return ComptonY.FromGas(Radii, logDensity, logTemperature);
    }

    /// <summary>
    /// Sanity check of units against the universal pressure profile (Arnaud et al. 2010, A&amp;A 517, A92, eqs. 12-13;
    /// reference sheet section 6): for the CAMELS halos near 10^14 the y derived from n_gas and T_gas at 0.5 R500 lies
    /// within a factor of 3 of the Arnaud profile's, in the median. M500 = 0.69 M200 (NFW, c = 4); h = 0.6711; z = 0.
    /// </summary>
    [Fact]
    public void Derived_y_agrees_with_the_Arnaud_universal_pressure_profile_within_a_factor_of_three()
    {
        const double h = 0.6711;
        var data = CamelsData.Dataset;
        var halos = data.Halos.Where(x => Math.Abs(x.Log10HaloMass - 14.0) < 0.15).ToList();
        Assert.True(halos.Count >= 10, $"{halos.Count} halos near 10^14");
        var ratios = new List<double>();
        foreach (var halo in halos)
        {
            double m500 = 0.69 * Math.Pow(10, halo.Log10HaloMass) / h; // M_sun
            double rhoCritical = 2.77537e11 * h * h / 1e9;               // M_sun kpc^-3
            double r500 = Math.Cbrt(3 * m500 / (4 * Math.PI * 500 * rhoCritical));
            double h70 = h / 0.7;
            double p500 = 1.65e-3 * Math.Pow(m500 * h70 / 3e14, 2.0 / 3.0 + 0.12) * h70 * h70; // keV cm^-3
            double Arnaud(double r)
            {
                double x = 1.177 * r / r500;
                return p500 * 8.403 * Math.Pow(h70, -1.5) / (Math.Pow(x, 0.3081) * Math.Pow(1 + Math.Pow(x, 1.0510), (5.4905 - 0.3081) / 1.0510));
            }

            double[] y = ComptonY.FromGas(data.RadiiKpc, halo.Log10Profiles[ProfileKind.GasDensity], halo.Log10Profiles[ProfileKind.GasTemperature]);
            double projected = 0.5 * r500;
            int bin = Enumerable.Range(0, data.RadiiKpc.Count).MinBy(b => Math.Abs(Math.Log(data.RadiiKpc[b] / projected)));
            double edge = data.RadiiKpc[^1] * Math.Pow(10, 0.05);
            ratios.Add(y[bin] / ComptonY.Project(data.RadiiKpc[bin], edge, Arnaud));
        }

        double median = ratios.Order().ElementAt(ratios.Count / 2);
        Assert.InRange(median, 1.0 / 3, 3.0);
    }

    [Fact]
    public void Project_is_zero_outside_the_sphere_and_scales_with_pressure()
    {
        Assert.Equal(0, ComptonY.Project(100, 100, _ => 1));
        double one = ComptonY.Project(100, 1000, _ => 1);
        // Constant pressure: 2 sqrt(edge^2 - R^2).
        Assert.Equal(2 * Math.Sqrt((1000.0 * 1000) - (100.0 * 100)) * ComptonY.ThomsonOverElectronRestEnergyPerKpc, one, 1e-9);
        Assert.Equal(3 * one, ComptonY.Project(100, 1000, _ => 3), 1e-12);
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ComptonY.FromGas(Radii, new double[29], new double[30]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComptonY.Project(0, 10, _ => 1));
    }

    [Fact]
    public void A_real_halo_gives_a_y_profile_of_the_expected_order()
    {
        // A ~10^14 halo: central pressure ~1e-2 keV cm^-3 over ~100 kpc gives y ~ 4e-6 * 1e-2 * 200 ~ 1e-5 (Planck-detected clusters: 1e-5 - 1e-4).
        var halo = CamelsData.Dataset.Halos.OrderBy(h => Math.Abs(h.Log10HaloMass - 14.0)).First();
        double[] y = ComptonY.FromGas(CamelsData.Dataset.RadiiKpc, halo.Log10Profiles[ProfileKind.GasDensity], halo.Log10Profiles[ProfileKind.GasTemperature]);
        Assert.InRange(y[0], 1e-7, 1e-3);
        Assert.True(y[0] > y[^1]);
    }
}
