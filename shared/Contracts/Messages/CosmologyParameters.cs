namespace StreamProcessor.Contracts.Messages;

/// <summary>Flat-LCDM parameters as carried in a message (the Cosmology library's FlatLcdm, without the CMB temperature).</summary>
/// <param name="OmegaM">Matter density today, Omega_m.</param>
/// <param name="OmegaB">Baryon density today, Omega_b.</param>
/// <param name="LittleH">H0 / (100 km/s/Mpc).</param>
/// <param name="Ns">Scalar spectral index.</param>
/// <param name="Sigma8">rms linear density fluctuation in 8 h^-1 Mpc spheres at z = 0.</param>
public sealed record CosmologyParameters(double OmegaM, double OmegaB, double LittleH, double Ns, double Sigma8);
