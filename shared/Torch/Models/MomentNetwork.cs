using StreamProcessor.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// A moment network (Jeffrey &amp; Wandelt 2020, arXiv:2011.05991): maps a batch of inputs to the posterior
/// mean and standard deviation of n parameters. <see cref="nn.Module{T, TResult}.forward"/> returns [N, 2n]:
/// columns 0..n-1 are means, n..2n-1 are sigmas (positive), both in standardised target units.
/// </summary>
public abstract class MomentNetwork : nn.Module<Tensor, Tensor>
{
    static MomentNetwork()
    {
        // Runs before any TorchSharp type is touched by a subclass constructor.
        TorchRuntime.EnsureLoaded();
    }

    /// <summary>Records the spec; subclasses build layers and call RegisterComponents.</summary>
    protected MomentNetwork(string name, NetworkSpec spec)
        : base(name)
    {
        Spec = spec.Validated();
    }

    /// <summary>The spec this network was built from.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Number of inferred parameters n.</summary>
    public int ParameterCount => Spec.ParameterCount;

    /// <summary>
    /// The forward pass for inference: in eval mode the same outputs as <c>forward</c> (to float rounding) by a
    /// cheaper route where the network has one (<see cref="FoldedBlocks"/>); in training mode <c>forward</c> itself.
    /// </summary>
    public Tensor Infer(Tensor input) => training ? forward(input) : InferInEvalMode(input);

    /// <summary>Eval-mode inference; by default <c>forward</c>.</summary>
    protected virtual Tensor InferInEvalMode(Tensor input) => forward(input);

    /// <summary>
    /// Width of the learned summary that the moment head reads (<see cref="InferWithEmbedding"/>), or null when the
    /// network does not expose one. A posterior head (a conditional density estimator) is trained on this summary.
    /// </summary>
    public virtual int? EmbeddingSize => null;

    /// <summary>
    /// The moments [N, 2n] and the summary [N, <see cref="EmbeddingSize"/>] they were read from, in one pass (the
    /// eval-mode route when not training), so a posterior head costs no second forward pass through the convolutions.
    /// </summary>
    /// <exception cref="NotSupportedException">The network exposes no summary (<see cref="EmbeddingSize"/> is null).</exception>
    public virtual (Tensor Moments, Tensor Embedding) InferWithEmbedding(Tensor input) =>
        throw new NotSupportedException($"{Spec.ArchitectureId} exposes no embedding for a posterior head.");

    /// <summary>Splits a [N, 2n] network output into means [N, n] and sigmas [N, n] (views, no copy).</summary>
    public static (Tensor Mean, Tensor Sigma) SplitMoments(Tensor output, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.dim() != 2 || output.shape[1] != 2L * parameterCount)
        {
            throw new ArgumentException($"Expected a [N, {2 * parameterCount}] output, got [{string.Join(", ", output.shape)}].", nameof(output));
        }

        return (output.narrow(1, 0, parameterCount), output.narrow(1, parameterCount, parameterCount));
    }
}
