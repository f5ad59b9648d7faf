namespace StreamProcessor.Emulation.Gp;

/// <summary>
/// Hyper-parameters of an ARD squared-exponential Gaussian process with the CARPool noise model:
/// k(x, x') = s^2 exp(-1/2 sum_d (x_d - x'_d)^2 / l_d^2); noise covariance sigma_n^2 (delta_ij + rho P_ij), with
/// P_ij = 1 when halos i and j share initial conditions (Lee et al. 2024, arXiv:2403.10609, sect. 3).
/// </summary>
/// <param name="LengthScales">One ARD length scale per input dimension (unit-cube inputs).</param>
/// <param name="SignalVariance">s^2, in standardised target units.</param>
/// <param name="NoiseVariance">sigma_n^2: the halo-to-halo (cosmic) variance at fixed parameters.</param>
/// <param name="PairCorrelation">rho: correlation of the noise of two halos with the same seed; 0 for a plain GP.</param>
public sealed record GpHyperparameters(double[] LengthScales, double SignalVariance, double NoiseVariance, double PairCorrelation);
