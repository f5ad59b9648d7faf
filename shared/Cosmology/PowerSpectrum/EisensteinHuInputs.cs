namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// The cosmology as the Eisenstein &amp; Hu (1998) fits take it (arXiv:astro-ph/9709112 §2): ω_m = Ω_m h², ω_b = Ω_b h²,
/// f_b = Ω_b/Ω_m and Θ_2.7 = T_CMB / 2.7 K; shared by the full and the no-wiggle fits.
/// </summary>
internal readonly record struct EisensteinHuInputs(double LittleH, double OmegaMh2, double OmegaBh2, double BaryonFraction, double Theta)
{
    /// <summary>The inputs of a validated cosmology with a positive T_CMB.</summary>
    public static EisensteinHuInputs From(FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        cosmology.Validated();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cosmology.TcmbK);
        double h = cosmology.LittleH;
        return new(h, cosmology.OmegaM * h * h, cosmology.OmegaB * h * h, cosmology.OmegaB / cosmology.OmegaM, cosmology.TcmbK / 2.7);
    }
}
