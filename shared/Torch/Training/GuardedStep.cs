using StreamProcessor.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Training;

/// <summary>What one optimiser step did.</summary>
/// <param name="Loss">Moment loss of the batch before the update.</param>
/// <param name="GradientNorm">Global L2 norm of the gradient before clipping (NaN when the loss was not finite).</param>
/// <param name="Clipped">The gradient was scaled down to the clipping norm.</param>
/// <param name="Skipped">Loss or gradient was not finite: the weights were left as they were.</param>
public readonly record struct StepOutcome(double Loss, double GradientNorm, bool Clipped, bool Skipped);

/// <summary>
/// One moment-network optimiser step that cannot write a non-finite value into the weights: the gradient's global
/// norm is clipped (Pascanu et al. 2013, arXiv:1211.5063, Algorithm 1), and a batch whose loss or gradient is not
/// finite is skipped rather than applied, as mixed-precision loss scalers do.
/// </summary>
public static class GuardedStep
{
    /// <summary>Forward, loss, backward, clip and (unless skipped) step on one batch of prepared inputs.</summary>
    /// <exception cref="InvalidOperationException">A skipped batch had already pushed a non-finite value into batch-norm statistics.</exception>
    public static StepOutcome Run(MomentNetwork network, optim.Optimizer optimizer, Tensor inputs, Tensor standardisedTargets, double maxGradientNorm)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var (mean, sigma) = MomentNetwork.SplitMoments(network.forward(inputs), network.Spec.ParameterCount);
        var loss = MomentLoss.Compute(mean, sigma, standardisedTargets);
        double value = loss.item<float>();
        if (!double.IsFinite(value))
        {
            return Skip(network, optimizer, value, double.NaN);
        }

        loss.backward();
        double norm = nn.utils.clip_grad_norm_(network.parameters(), maxGradientNorm);
        if (!double.IsFinite(norm))
        {
            return Skip(network, optimizer, value, norm);
        }

        optimizer.step();
        return new StepOutcome(value, norm, norm > maxGradientNorm, Skipped: false);
    }

    private static StepOutcome Skip(MomentNetwork network, optim.Optimizer optimizer, double loss, double norm)
    {
        optimizer.zero_grad();
        // The forward pass has already updated the batch-norm running statistics; non-finite ones would poison
        // every later evaluation, and there is no earlier copy to restore here.
        foreach (var (name, buffer) in network.named_buffers())
        {
            if (buffer.is_floating_point() && !buffer.isfinite().all().item<bool>())
            {
                throw new InvalidOperationException($"A batch with a non-finite loss or gradient left non-finite values in {name}; the run cannot continue.");
            }
        }

        return new StepOutcome(loss, norm, Clipped: false, Skipped: true);
    }
}
