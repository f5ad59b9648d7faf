namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// A linear matter transfer function T(k) of one cosmology, k in h Mpc⁻¹. Its normalisation is free:
/// <see cref="LinearPowerSpectrum"/> fixes the amplitude of P = A kⁿˢ T² by σ₈.
/// </summary>
public interface ITransferFunction
{
    /// <summary>T(k) for k in h Mpc⁻¹ (dimensionless).</summary>
    double Transfer(double kHOverMpc);

    /// <summary>
    /// Period length of the baryon oscillations of T in comoving h⁻¹ Mpc (they go as sin(k s)), or 0 when T is smooth;
    /// <see cref="LinearPowerSpectrum"/> narrows its quadrature panels so that none spans more than a few radians of k s.
    /// </summary>
    double OscillationLengthMpcOverH { get; }
}
