using StreamProcessor.Emulation.Gp;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation;

/// <summary>
/// The emulator of one stored profile kind: PCA of its log10 profiles, and one Gaussian process per standardised
/// coefficient (each with its own ARD length scales, signal and noise: the leading, mass-driven component is far less
/// noisy than the others, so they do not share a noise level).
/// </summary>
/// <param name="Kind">Profile kind.</param>
/// <param name="Basis">PCA basis of the log10 profiles.</param>
/// <param name="CoefficientMean">Mean of each coefficient over the training halos.</param>
/// <param name="CoefficientStd">Standard deviation of each coefficient (the GP sees standardised values).</param>
/// <param name="Hyperparameters">Fitted kernel and noise hyper-parameters, one set per component.</param>
/// <param name="StandardisedCoefficients">Training outputs, [component][halo], kept so the GP is re-conditioned on load.</param>
/// <param name="NegativeLogLikelihood">Objective at the fitted hyper-parameters, per component.</param>
/// <param name="VarianceInflation">Per component, the factor by which the stated variance of a draw (halo noise plus the
/// GP's predictive variance) is scaled so that it is honest on halos held out by cross-validation
/// (<see cref="EmulatorCalibration.Inflation"/>); null (all 1) in emulators written before it existed or not calibrated.</param>
/// <param name="TailDegreesOfFreedom">Degrees of freedom of the heavy-tailed halo scatter fitted by cross-validation
/// (<see cref="HaloTails"/>); null: Gaussian (or not calibrated).</param>
public sealed record EmulatorKind(
    ProfileKind Kind,
    PrincipalComponents Basis,
    double[] CoefficientMean,
    double[] CoefficientStd,
    GpHyperparameters[] Hyperparameters,
    double[][] StandardisedCoefficients,
    double[] NegativeLogLikelihood,
    double[]? VarianceInflation = null,
    double? TailDegreesOfFreedom = null);
