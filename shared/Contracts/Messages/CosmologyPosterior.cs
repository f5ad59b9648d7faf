namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// Grid posterior of (Omega_m, sigma_8) from cluster counts. S8 = sigma_8 (Omega_m / 0.3)^0.5.
/// <see cref="LogLikelihood"/> is flattened Omega_m-major: index = i_OmegaM * GridSigma8.Count + i_sigma8; an entry is
/// null where ln L = -infinity.
/// </summary>
public sealed record CosmologyPosterior(
    double OmegaMMean,
    double OmegaMSigma,
    double Sigma8Mean,
    double Sigma8Sigma,
    double S8Mean,
    double S8Sigma,
    IReadOnlyList<double> GridOmegaM,
    IReadOnlyList<double> GridSigma8,
    IReadOnlyList<double?> LogLikelihood);
