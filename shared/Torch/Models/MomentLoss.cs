using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Moment-network loss of Jeffrey &amp; Wandelt (2020), arXiv:2011.05991, Eq. 8 with the log form used by CAMELS
/// (Villaescusa-Navarro+2022, arXiv:2109.10915); reference sheet section 8:
/// L = sum_i ln sum_j (theta_ij - mu_ij)^2 + sum_i ln sum_j [(theta_ij - mu_ij)^2 - sigma_ij^2]^2,
/// i over parameters, j over the batch. The first term fits the posterior mean, the second its variance.
/// </summary>
public static class MomentLoss
{
    /// <summary>Scalar loss for tensors of shape [N, n] (targets, means, sigmas in the same units).</summary>
    public static Tensor Compute(Tensor mean, Tensor sigma, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(sigma);
        ArgumentNullException.ThrowIfNull(target);
        if (mean.dim() != 2 || !mean.shape.SequenceEqual(sigma.shape) || !mean.shape.SequenceEqual(target.shape))
        {
            throw new ArgumentException(
                $"mean, sigma and target must all be [N, n]; got [{string.Join(", ", mean.shape)}], " +
                $"[{string.Join(", ", sigma.shape)}], [{string.Join(", ", target.shape)}].");
        }

        using var scope = NewDisposeScope();
        var squaredError = target.sub(mean).square();
        var meanTerm = squaredError.sum(dim: 0).log().sum();
        var varianceTerm = squaredError.sub(sigma.square()).square().sum(dim: 0).log().sum();
        return meanTerm.add(varianceTerm).MoveToOuterDisposeScope();
    }
}
