using System.Globalization;
using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// The card.md section that says what the "distribution regression" rows of the evaluation are: the estimator, the
/// settings chosen on the validation haloes and the file that carries them, so a reader can reproduce the baseline.
/// </summary>
internal static class DistributionRegressionSummary
{
    public static string Markdown(DistributionRegression fitted) => string.Create(CultureInfo.InvariantCulture, $"""

        ### Distribution-regression baseline (`{DistributionRegression.FileName}`)

        Each cluster is its sample of kept galaxies (R_proj / {fitted.Embedding.RadiusScaleMpcOverH:0.###} h⁻¹ Mpc, |v_los| / {fitted.Embedding.VelocityScaleKmPerS:0} km/s), represented by the
        kernel mean embedding of a Gaussian kernel with {fitted.FeatureCount} random Fourier features (Rahimi & Recht 2007; seed {fitted.Seed}),
        plus z and z² (σ at fixed mass grows as E(z)^1/3); log10 M200c is a ridge regression on these (Szabó et al. 2016 distribution regression,
        the kernel form of the SDM of Ntampaka et al. 2015, 2016). Fitted by `trainer baselines` (or `trainer train`) on the contaminated views of the
        training haloes; bandwidth γ = {fitted.Embedding.Bandwidth:0.###} (scaled units) and λ = {fitted.RidgeLambda:0e0} per view chosen on the validation haloes
        (RMS {fitted.ValidationRmsDex:0.000} dex on {fitted.ValidationCount} views), then refitted on training + validation ({fitted.TrainingCount} views). Never fitted on a test halo.

        """);
}
