using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.Tests;

public sealed class LinearPowerSpectrumTests
{
    private static readonly LinearPowerSpectrum Planck = new(FlatLcdm.Planck18);

    [Theory]
    [InlineData(0.3111, 0.8102)]
    [InlineData(0.25, 0.9)]
    [InlineData(0.4, 0.7)]
    public void Sigma_at_8_Mpc_over_h_equals_sigma8(double omegaM, double sigma8)
    {
        var spectrum = new LinearPowerSpectrum(FlatLcdm.Planck18 with { OmegaM = omegaM, Sigma8 = sigma8 });
        Assert.Equal(sigma8, spectrum.SigmaOfRadius(8.0), 1e-12);
    }

    [Theory]
    [InlineData("eh98")]
    [InlineData("eh98-nowiggle")]
    [InlineData("table")]
    public void Sigma_at_8_Mpc_over_h_returns_the_input_sigma8_for_every_transfer_choice(string choice)
    {
        using var files = new TransferTableFiles();
        FlatLcdm c = FlatLcdm.Planck18 with { OmegaM = 0.29, Sigma8 = 0.77 };
        TransferFunctionChoice transfer = choice == "table"
            ? TransferFunctionChoice.Parse(TransferFunctionChoice.TablePrefix
                + files.CambTransfer("c_transfer_out.dat", new EisensteinHuNoWiggle(c), TransferTableFiles.LogSpacedK(1e-4, 20.0, 300)))
            : TransferFunctionChoice.Parse(choice);
        FlatLcdm withTransfer = c with { Transfer = transfer };

        Assert.Equal(0.77, new LinearPowerSpectrum(withTransfer).SigmaOfRadius(LinearPowerSpectrum.Sigma8RadiusMpcOverH), 1e-12);
        Assert.Equal(0.77, MassVariance.Sigma(MassVariance.LagrangianMassMsunOverH(8.0, withTransfer), 0.0, withTransfer), 1e-6);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(8.0)]
    [InlineData(25.0)]
    public void Sigma_of_R_matches_a_brute_force_trapezoid_integral(double radius)
    {
        double expected = BruteForceSigma(radius);
        Assert.Equal(expected, Planck.SigmaOfRadius(radius), expected * 2e-6);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(8.0)]
    [InlineData(25.0)]
    public void Dln_sigma_dln_R_matches_a_finite_difference_of_the_brute_force_sigma(double radius)
    {
        const double step = 1e-3;
        double numeric = (Math.Log(BruteForceSigma(radius * Math.Exp(step))) - Math.Log(BruteForceSigma(radius * Math.Exp(-step)))) / (2 * step);
        Assert.Equal(numeric, Planck.DlnSigmaDlnRadius(radius), 1e-5);
    }

    [Fact]
    public void Power_grows_as_the_square_of_the_growth_factor()
    {
        double ratio = Planck.PowerMpc3OverH3(0.2, 1.0) / Planck.PowerMpc3OverH3(0.2);
        double growth = LinearGrowth.Factor(1.0, FlatLcdm.Planck18);
        Assert.Equal(growth * growth, ratio, 12);
        Assert.Equal(Planck.SigmaOfRadius(8.0) * growth, Planck.SigmaOfRadius(8.0, 1.0), 12);
    }

    [Fact]
    public void Power_peaks_near_the_matter_radiation_equality_scale()
    {
        // P(k) turns over at k_eq ≈ 0.0746 Ω_m h² Mpc⁻¹ (EH98 Eq. 3) ≈ 0.016 h Mpc⁻¹ for Planck18 (within a factor ~2).
        double bestK = 0, bestP = 0;
        for (double lnK = Math.Log(1e-3); lnK < Math.Log(1.0); lnK += 0.01)
        {
            double p = Planck.PowerMpc3OverH3(Math.Exp(lnK));
            if (p > bestP) (bestK, bestP) = (Math.Exp(lnK), p);
        }

        Assert.InRange(bestK, 0.008, 0.04);
    }

    /// <summary>σ(R) by the trapezoid rule on a uniform ln k grid (step 1e-4) over k = 1e-6 … 1000/R h Mpc⁻¹, with its own W(x).</summary>
    private static double BruteForceSigma(double radius)
    {
        double lnMin = Math.Log(1e-6), lnMax = Math.Log(1000.0 / radius);
        int n = (int)((lnMax - lnMin) / 1e-4);
        double step = (lnMax - lnMin) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double k = Math.Exp(lnMin + (i * step));
            double x = k * radius;
            double w = x < 1e-3 ? 1 - (x * x / 10) : 3 * (Math.Sin(x) - (x * Math.Cos(x))) / (x * x * x);
            double f = k * k * k * Planck.PowerMpc3OverH3(k) * w * w;
            sum += (i == 0 || i == n ? 0.5 : 1.0) * f;
        }

        return Math.Sqrt(sum * step / (2 * Math.PI * Math.PI));
    }
}
