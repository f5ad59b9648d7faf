namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// Architecture of a posterior head: a mixture density network (Bishop 1994; as a neural posterior estimator,
/// Papamakarios &amp; Murray 2016, arXiv:1605.06376, the "mdn" density estimator of the sbi package) that maps a
/// moment network's learned summary of the input to a mixture of <see cref="Components"/> Gaussians with diagonal
/// covariance over the parameters. Stored in the model card.
/// </summary>
/// <param name="ArchitectureId"><see cref="MdnId"/>.</param>
/// <param name="InputFeatures">Width of the summary it reads (the moment network's embedding).</param>
/// <param name="ParameterCount">Parameters n of the posterior.</param>
/// <param name="Components">Gaussian components K.</param>
/// <param name="HiddenWidths">Widths of the [Linear, LeakyReLU, Dropout] blocks, input side first.</param>
/// <param name="DropoutProbability">Dropout after each hidden block.</param>
/// <param name="SigmaFloor">Added to softplus(raw) so every component width (standardised units) stays positive.</param>
public sealed record MixtureDensitySpec(
    string ArchitectureId,
    int InputFeatures,
    int ParameterCount,
    int Components,
    IReadOnlyList<int> HiddenWidths,
    double DropoutProbability,
    double SigmaFloor)
{
    /// <summary>Identifier of this architecture.</summary>
    public const string MdnId = "mdn-posterior-v1";

    /// <summary>Defaults: 8 components, two hidden blocks of 64, dropout 0.1.</summary>
    public static MixtureDensitySpec Default(int inputFeatures, int parameterCount) =>
        new(MdnId, inputFeatures, parameterCount, 8, [64, 64], 0.1, 1e-3);

    /// <summary>Raw outputs per sample: K logits, K n means and K n widths.</summary>
    public int OutputWidth => Components * (1 + (2 * ParameterCount));

    /// <summary>Throws when a field is out of range or the architecture is unknown.</summary>
    public MixtureDensitySpec Validated()
    {
        if (ArchitectureId != MdnId)
        {
            throw new ArgumentException($"Unknown posterior head '{ArchitectureId}'; this code knows {MdnId}.", nameof(ArchitectureId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(InputFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ParameterCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Components, 1);
        if (HiddenWidths is not { Count: >= 1 } || HiddenWidths.Any(w => w < 1))
        {
            throw new ArgumentException("A posterior head needs at least one hidden width >= 1.", nameof(HiddenWidths));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(DropoutProbability);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(DropoutProbability, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SigmaFloor);
        return this;
    }
}
