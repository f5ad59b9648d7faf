using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology;

/// <summary>
/// A flat ΛCDM cosmology. It is a value passed to every calculation, never a global.
/// Defaults are Planck 2018 (TT,TE,EE+lowE+lensing+BAO; arXiv:1807.06209, Table 2, last column).
/// </summary>
/// <param name="OmegaM">Matter density today, Ω_m (CDM + baryons).</param>
/// <param name="OmegaB">Baryon density today, Ω_b.</param>
/// <param name="LittleH">H0 / (100 km/s/Mpc).</param>
/// <param name="Ns">Scalar spectral index n_s.</param>
/// <param name="Sigma8">rms linear matter fluctuation in 8 h⁻¹ Mpc spheres at z = 0.</param>
/// <param name="TcmbK">CMB temperature today in K.</param>
public sealed record FlatLcdm(double OmegaM, double OmegaB, double LittleH, double Ns, double Sigma8, double TcmbK = 2.7255)
{
    /// <summary>Planck 2018 (arXiv:1807.06209, Table 2, TT,TE,EE+lowE+lensing+BAO).</summary>
    public static FlatLcdm Planck18 { get; } = new(0.3111, 0.0490, 0.6766, 0.9665, 0.8102);

    /// <summary>
    /// The linear transfer function of the power spectrum: full Eisenstein &amp; Hu (1998) by default, or the no-wiggle
    /// fit, or a CAMB/CLASS table (<see cref="TransferFunctionChoice"/>). Part of the value, so of every cache key.
    /// </summary>
    public TransferFunctionChoice Transfer { get; init; } = TransferFunctionChoice.EisensteinHu1998;

    /// <summary>Ω_Λ = 1 − Ω_m (flat; radiation neglected, as in the reference sheet §1).</summary>
    public double OmegaLambda => 1.0 - OmegaM;

    /// <summary>Throws when a parameter is outside the range where the fitting formulas used with it hold.</summary>
    public FlatLcdm Validated()
    {
        if (!(OmegaM is > 0.05 and < 1.0)) throw new ArgumentOutOfRangeException(nameof(OmegaM), OmegaM, "Ω_m must lie in (0.05, 1).");
        if (!(OmegaB > 0 && OmegaB < OmegaM)) throw new ArgumentOutOfRangeException(nameof(OmegaB), OmegaB, "Ω_b must lie in (0, Ω_m).");
        if (!(LittleH is > 0.3 and < 1.5)) throw new ArgumentOutOfRangeException(nameof(LittleH), LittleH, "h must lie in (0.3, 1.5).");
        if (!(Sigma8 is > 0.1 and < 2.0)) throw new ArgumentOutOfRangeException(nameof(Sigma8), Sigma8, "σ8 must lie in (0.1, 2).");
        if (!(Ns is > 0.5 and < 1.5)) throw new ArgumentOutOfRangeException(nameof(Ns), Ns, "n_s must lie in (0.5, 1.5).");
        ArgumentNullException.ThrowIfNull(Transfer);
        return this;
    }
}
