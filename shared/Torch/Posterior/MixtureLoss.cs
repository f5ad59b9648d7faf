using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// The neural-posterior-estimation loss: the mean negative log density of the true parameters under the predicted
/// mixture, −(1/N) Σ_i log Σ_k π_ik Π_p N(y_ip | μ_ikp, σ_ikp) (Papamakarios &amp; Murray 2016, arXiv:1605.06376,
/// eq. 5 with the mixture of Bishop 1994 eq. 22). Minimising it over simulated pairs makes q(θ | x) approach the
/// posterior of the simulator's prior. Summed in float64 through log-sum-exp so a far-off component cannot underflow.
/// </summary>
public static class MixtureLoss
{
    // Static and never freed: a Scalar converted from a number at each call is freed only by the garbage collector
    // (dotnet/TorchSharp#1434), which may run while libtorch still reads it.
    private static readonly Scalar MinusHalf = (-0.5).ToScalar();
    private static readonly Scalar HalfLogTwoPi = 0.91893853320467274178.ToScalar();

    /// <summary>Mean negative log density over the batch, a scalar tensor (float64).</summary>
    public static Tensor Compute(Tensor logWeights, Tensor means, Tensor sigmas, Tensor standardisedTargets) =>
        LogDensity(logWeights, means, sigmas, standardisedTargets).mean().neg();

    /// <summary>log q(y_i | x_i) per sample [N] (float64), in standardised target units.</summary>
    public static Tensor LogDensity(Tensor logWeights, Tensor means, Tensor sigmas, Tensor standardisedTargets)
    {
        ArgumentNullException.ThrowIfNull(standardisedTargets);
        using var scope = NewDisposeScope();
        var y = standardisedTargets.to_type(ScalarType.Float64).unsqueeze(1);
        var mu = means.to_type(ScalarType.Float64);
        var sigma = sigmas.to_type(ScalarType.Float64);
        var z = y.sub(mu).div(sigma);
        var perComponent = z.square().mul(MinusHalf).sub(sigma.log()).sub(HalfLogTwoPi).sum(2);
        var joint = perComponent.Plus(logWeights.to_type(ScalarType.Float64));
        return joint.logsumexp(1).MoveToOuterDisposeScope();
    }
}
