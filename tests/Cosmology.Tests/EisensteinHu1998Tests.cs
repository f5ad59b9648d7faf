using StreamProcessor.Cosmology.PowerSpectrum;
using Xunit.Abstractions;

namespace StreamProcessor.Cosmology.Tests;

public sealed class EisensteinHu1998Tests(ITestOutputHelper output)
{
    /// <summary>Planck 2018 and a WMAP-like cosmology with a higher baryon fraction and the COBE/FIRAS T_CMB of 2.725 K.</summary>
    public static TheoryData<string> Cosmologies() => ["planck18", "wmap-like"];

    private static FlatLcdm Named(string name) => name == "planck18" ? FlatLcdm.Planck18 : new FlatLcdm(0.27, 0.0463, 0.70, 0.96, 0.80, 2.725);

    [Theory]
    [MemberData(nameof(Cosmologies))]
    public void Transfer_matches_an_independent_transcription_of_the_paper_to_1e_4_from_1e_3_to_10_h_per_Mpc(string name)
    {
        FlatLcdm c = Named(name);
        var transfer = new EisensteinHu1998(c);
        for (int i = 0; i < 20; i++)
        {
            double kH = Math.Pow(10.0, -3.0 + (4.0 * i / 19.0));
            double expected = PaperTransfer(kH * c.LittleH, c.OmegaM, c.OmegaB, c.LittleH, c.TcmbK);
            Assert.Equal(expected, transfer.Transfer(kH), Math.Abs(expected) * 1e-4);
        }
    }

    [Fact]
    public void Transfer_tends_to_one_on_large_scales()
    {
        var transfer = new EisensteinHu1998(FlatLcdm.Planck18);
        Assert.Equal(1.0, transfer.Transfer(1e-6), 1e-6);
        Assert.Equal(1.0, transfer.Transfer(1e-4), 1e-3);
    }

    [Fact]
    public void Sound_horizon_at_the_drag_epoch_is_near_the_Planck_value()
    {
        // Planck 2018 (arXiv:1807.06209, Table 2) r_drag = 147.1 Mpc; the EH98 Eq. 6 fit is known to be ~2 % high.
        Assert.InRange(new EisensteinHu1998(FlatLcdm.Planck18).SoundHorizonMpc, 145.0, 153.0);
    }

    [Fact]
    public void Full_over_no_wiggle_oscillates_around_one_with_a_few_percent_amplitude_between_0_05_and_0_3_h_per_Mpc()
    {
        var full = new EisensteinHu1998(FlatLcdm.Planck18);
        var smooth = new EisensteinHuNoWiggle(FlatLcdm.Planck18);
        var ratios = new List<double>();
        for (double lnK = Math.Log(0.05); lnK <= Math.Log(0.3); lnK += 0.005)
        {
            double k = Math.Exp(lnK);
            ratios.Add(full.Transfer(k) / smooth.Transfer(k));
        }

        int extrema = 0;
        for (int i = 1; i < ratios.Count - 1; i++)
        {
            if ((ratios[i] - ratios[i - 1]) * (ratios[i + 1] - ratios[i]) < 0) extrema++;
        }

        double mean = ratios.Average();
        double amplitude = (ratios.Max() - ratios.Min()) / 2;
        output.WriteLine($"{extrema} extrema, mean {mean:F4}, half peak-to-peak {amplitude:P2}");
        Assert.InRange(extrema, 4, 12);
        Assert.Equal(1.0, mean, 0.02);
        Assert.InRange(amplitude, 0.01, 0.10);
    }

    /// <summary>
    /// EH98 (arXiv:astro-ph/9709112) Eqs. 2–24 in Mpc⁻¹ units, transcribed independently of the class under test:
    /// one function, every power through Math.Pow, the drag and equality redshifts as 1 + z (the authors' tf_fit.c).
    /// </summary>
    private static double PaperTransfer(double k, double omega0, double omegaB, double h, double tcmb)
    {
        double om = omega0 * h * h, ob = omegaB * h * h, fb = omegaB / omega0, fc = (omega0 - omegaB) / omega0, th = tcmb / 2.7;
        double zeq = 2.50e4 * om * Math.Pow(th, -4);                                                       // Eq. 2
        double keq = 7.46e-2 * om * Math.Pow(th, -2);                                                      // Eq. 3
        double zd = 1291 * Math.Pow(om, 0.251) / (1 + (0.659 * Math.Pow(om, 0.828)))
                    * (1 + (0.313 * Math.Pow(om, -0.419) * (1 + (0.607 * Math.Pow(om, 0.674))) * Math.Pow(ob, 0.238 * Math.Pow(om, 0.223)))); // Eq. 4
        Func<double, double> r = onePlusZ => 31.5 * ob * Math.Pow(th, -4) * Math.Pow(onePlusZ / 1e3, -1); // Eq. 5
        double rd = r(1 + zd), req = r(zeq);
        double s = 2 / (3 * keq) * Math.Sqrt(6 / req) * Math.Log((Math.Sqrt(1 + rd) + Math.Sqrt(rd + req)) / (1 + Math.Sqrt(req))); // Eq. 6
        double ksilk = 1.6 * Math.Pow(ob, 0.52) * Math.Pow(om, 0.73) * (1 + Math.Pow(10.4 * om, -0.95));   // Eq. 7
        double q = k / (13.41 * keq);                                                                       // Eq. 10
        double alphaC = Math.Pow(Math.Pow(46.9 * om, 0.670) * (1 + Math.Pow(32.1 * om, -0.532)), -fb)
                        * Math.Pow(Math.Pow(12.0 * om, 0.424) * (1 + Math.Pow(45.0 * om, -0.582)), -Math.Pow(fb, 3)); // Eq. 11
        double betaC = 1 / (1 + (0.944 / (1 + Math.Pow(458 * om, -0.708)) * (Math.Pow(fc, Math.Pow(0.395 * om, -0.0266)) - 1))); // Eq. 12
        Func<double, double, double> t0 = (alpha, beta) =>                                                  // Eqs. 19–20
        {
            double l = Math.Log(Math.E + (1.8 * beta * q));
            return l / (l + ((14.2 / alpha + 386 / (1 + 69.9 * Math.Pow(q, 1.08))) * q * q));
        };
        double f = 1 / (1 + Math.Pow(k * s / 5.4, 4));                                                      // Eq. 18
        double tc = f * t0(1, betaC) + (1 - f) * t0(alphaC, betaC);                                          // Eq. 17
        double y = zeq / (1 + zd);
        double g = y * (-6 * Math.Sqrt(1 + y) + (2 + 3 * y) * Math.Log((Math.Sqrt(1 + y) + 1) / (Math.Sqrt(1 + y) - 1))); // Eq. 15
        double alphaB = 2.07 * keq * s * Math.Pow(1 + rd, -0.75) * g;                                      // Eq. 14
        double betaB = 0.5 + fb + (3 - 2 * fb) * Math.Sqrt(Math.Pow(17.2 * om, 2) + 1);                    // Eq. 24
        double betaNode = 8.41 * Math.Pow(om, 0.435);                                                       // Eq. 23
        double sTilde = s / Math.Pow(1 + Math.Pow(betaNode / (k * s), 3), 1.0 / 3.0);                      // Eq. 22
        double tb = (t0(1, 1) / (1 + Math.Pow(k * s / 5.2, 2)) + alphaB / (1 + Math.Pow(betaB / (k * s), 3)) * Math.Exp(-Math.Pow(k / ksilk, 1.4)))
                    * Math.Sin(k * sTilde) / (k * sTilde);                                                  // Eq. 21
        return fb * tb + fc * tc;                                                                           // Eq. 16
    }
}
