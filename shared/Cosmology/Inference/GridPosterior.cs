namespace StreamProcessor.Cosmology.Inference;

/// <summary>
/// Result of a grid evaluation: ln L at every (Ω_m, σ₈) grid point and posterior moments under flat priors on the grid
/// (trapezoid weights along each axis). S₈ = σ₈ (Ω_m / 0.3)^0.5.
/// </summary>
/// <param name="Grid">The grid.</param>
/// <param name="LogLikelihood">ln L[omegaMIndex, sigma8Index].</param>
/// <param name="OmegaM">Posterior mean and σ of Ω_m.</param>
/// <param name="Sigma8">Posterior mean and σ of σ₈.</param>
/// <param name="S8">Posterior mean and σ of S₈.</param>
/// <param name="BestOmegaMIndex">Ω_m index of the largest ln L.</param>
/// <param name="BestSigma8Index">σ₈ index of the largest ln L.</param>
public sealed record GridPosterior(
    CosmologyGrid Grid,
    double[,] LogLikelihood,
    ParameterSummary OmegaM,
    ParameterSummary Sigma8,
    ParameterSummary S8,
    int BestOmegaMIndex,
    int BestSigma8Index)
{
    /// <summary>Ω_m at the largest ln L.</summary>
    public double BestOmegaM => Grid.OmegaMValues[BestOmegaMIndex];

    /// <summary>σ₈ at the largest ln L.</summary>
    public double BestSigma8 => Grid.Sigma8Values[BestSigma8Index];

    /// <summary>The largest ln L on the grid.</summary>
    public double MaxLogLikelihood => LogLikelihood[BestOmegaMIndex, BestSigma8Index];
}
