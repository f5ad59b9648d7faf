using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Moment-network loss of Jeffrey &amp; Wandelt (2020), arXiv:2011.05991, Eq. 8 with the log form used by CAMELS
/// (Villaescusa-Navarro+2022, arXiv:2109.10915); reference sheet section 8:
/// L = sum_i ln[sum_j (theta_ij - mu_ij)^2 + N e1] + sum_i ln[sum_j ((theta_ij - mu_ij)^2 - sigma_ij^2)^2 + N e2],
/// i over parameters, j over the N samples of the batch. The first term fits the posterior mean, the second its
/// variance.
/// </summary>
/// <remarks>
/// The floors e1 = <see cref="MeanTermFloor"/> and e2 = <see cref="VarianceTermFloor"/> (per sample, in
/// standardised target units) keep both logarithms finite when a batch is fitted exactly (all-equal targets with
/// mu = theta, or sigma^2 = (theta - mu)^2): without them ln 0 = -inf and its gradient 1/0 turn the weights into NaN
/// at the next optimiser step. They bound the gradient of the mean term with respect to mu by 1/sqrt(e1), and that of
/// the variance term by 2 max(|theta - mu|, sigma) / sqrt(e2). Where the rms residual is at least 0.1 target standard
/// deviations (the shipped mass CNN's is about 0.28) the mean term moves by less than 1e-4, and the variance term
/// by less than 1e-4 wherever the rms of (theta - mu)^2 - sigma^2 is at least 1e-4. The sums run in
/// float64 so that squares and fourth powers of any finite float32 output neither overflow nor underflow.
/// </remarks>
public static class MomentLoss
{
    /// <summary>Per-sample floor of the squared-residual sum: a residual of 1e-3 target standard deviations.</summary>
    public const double MeanTermFloor = 1e-6;

    /// <summary>Per-sample floor of the squared variance-error sum: the square of <see cref="MeanTermFloor"/>.</summary>
    public const double VarianceTermFloor = MeanTermFloor * MeanTermFloor;

    /// <summary>
    /// Scalar loss for tensors of shape [N, n] (targets, means, sigmas in the same standardised units), in the dtype of
    /// <paramref name="mean"/>. Finite, with finite gradients, for every finite input and every N &gt;= 1.
    /// </summary>
    public static Tensor Compute(Tensor mean, Tensor sigma, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(sigma);
        ArgumentNullException.ThrowIfNull(target);
        if (mean.dim() != 2 || mean.shape[0] < 1 || !mean.shape.SequenceEqual(sigma.shape) || !mean.shape.SequenceEqual(target.shape))
        {
            throw new ArgumentException(
                $"mean, sigma and target must all be [N, n] with N >= 1; got [{string.Join(", ", mean.shape)}], " +
                $"[{string.Join(", ", sigma.shape)}], [{string.Join(", ", target.shape)}].");
        }

        using var scope = NewDisposeScope();
        double samples = mean.shape[0];
        // Products and 0-d tensors instead of square() and scalar adds: TorchSharp converts a number to a temporary
        // Scalar that only the garbage collector frees (dotnet/TorchSharp#1434, #1496 name pow(Scalar), which square()
        // calls), and a clean CI run failed inside pow with libtorch reading a Scalar of unknown type ("INTERNAL ASSERT
        // FAILED at c10/core/Scalar.h"); the tensors here stay referenced until after the last call that reads them.
        using var meanFloor = tensor(samples * MeanTermFloor, float64);
        using var varianceFloor = tensor(samples * VarianceTermFloor, float64);
        var error = target.to(float64).sub(mean.to(float64));
        var squaredError = error.mul(error);
        var meanTerm = squaredError.sum(dim: 0).Plus(meanFloor).log().sum();
        var sigma64 = sigma.to(float64);
        var excess = squaredError.sub(sigma64.mul(sigma64));
        var varianceTerm = excess.mul(excess).sum(dim: 0).Plus(varianceFloor).log().sum();
        var total = meanTerm.Plus(varianceTerm).to(mean.dtype).MoveToOuterDisposeScope();
        GC.KeepAlive(meanFloor);
        GC.KeepAlive(varianceFloor);
        return total;
    }
}
