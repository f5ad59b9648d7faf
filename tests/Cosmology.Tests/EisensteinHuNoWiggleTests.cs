using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.Tests;

public sealed class EisensteinHuNoWiggleTests
{
    private readonly EisensteinHuNoWiggle _transfer = new(FlatLcdm.Planck18);

    [Fact]
    public void Transfer_tends_to_one_on_large_scales()
    {
        Assert.Equal(1.0, _transfer.Transfer(1e-6), 1e-6);
        Assert.Equal(1.0, _transfer.Transfer(1e-4), 1e-3);
    }

    [Fact]
    public void Transfer_decreases_monotonically_with_k()
    {
        double previous = 1.0;
        for (double lnK = Math.Log(1e-5); lnK < Math.Log(1e4); lnK += 0.05)
        {
            double t = _transfer.Transfer(Math.Exp(lnK));
            Assert.True(t < previous && t > 0);
            previous = t;
        }
    }

    [Fact]
    public void Transfer_falls_as_ln_k_over_k_squared_on_small_scales()
    {
        // If T ∝ ln(k)/k² then y = k² T is linear in ln k: equal steps in ln k give equal increments of y.
        double Y(double k) => k * k * _transfer.Transfer(k);
        double first = Y(1e4) - Y(1e3);
        double second = Y(1e5) - Y(1e4);
        Assert.Equal(1.0, second / first, 1e-3);
        Assert.True(first > 0);

        // and the local logarithmic slope tends to −2 from above.
        double slope = Math.Log(_transfer.Transfer(1.01e4) / _transfer.Transfer(1e4)) / Math.Log(1.01);
        Assert.InRange(slope, -2.0, -1.8);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Transfer_takes_k_in_h_per_Mpc_and_matches_the_sheet_formula_written_in_per_Mpc(double kHOverMpc)
    {
        // Reference sheet §7 transcribed in Mpc⁻¹ units (EH98 Eqs. 26–31): convert k once, here, by hand.
        FlatLcdm c = FlatLcdm.Planck18;
        double h = c.LittleH, wm = c.OmegaM * h * h, wb = c.OmegaB * h * h, fb = c.OmegaB / c.OmegaM, theta = c.TcmbK / 2.7;
        double kPerMpc = kHOverMpc * h;
        double s = 44.5 * Math.Log(9.83 / wm) / Math.Sqrt(1 + (10 * Math.Pow(wb, 0.75)));
        double alpha = 1 - (0.328 * Math.Log(431 * wm) * fb) + (0.38 * Math.Log(22.3 * wm) * fb * fb);
        double gamma = c.OmegaM * h * (alpha + ((1 - alpha) / (1 + Math.Pow(0.43 * kPerMpc * s, 4))));
        double q = kPerMpc / h * theta * theta / gamma;
        double l0 = Math.Log((2 * Math.E) + (1.8 * q));
        double c0 = 14.2 + (731 / (1 + (62.5 * q)));
        double expected = l0 / (l0 + (c0 * q * q));

        Assert.Equal(expected, _transfer.Transfer(kHOverMpc), 1e-12);
    }

    [Fact]
    public void Transfer_refuses_non_positive_k()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _transfer.Transfer(0.0));
    }
}
