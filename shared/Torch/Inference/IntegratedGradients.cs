using static TorchSharp.torch;

namespace StreamProcessor.Torch.Inference;

/// <summary>
/// Integrated gradients (Sundararajan, Taly &amp; Yan 2017, arXiv:1703.01365, Eq. 3): the attribution of input value i
/// to the posterior mean of one parameter is (x_i − x'_i) ∫₀¹ ∂μ(x' + α(x − x'))/∂x_i dα, approximated by the midpoint
/// rule over <c>steps</c> points (all in one batch). The attributions sum to μ(x) − μ(x') (completeness, their
/// Proposition 1), up to the quadrature error; <see cref="Result.CompletenessGap"/> reports it so a reader can judge
/// the map. Runs the network's differentiable forward in eval mode (batch norm with running statistics), in physical
/// units of the parameter (the target standardisation is undone).
/// </summary>
public static class IntegratedGradients
{
    /// <summary>Attributions (same layout as the input), μ(x), μ(baseline) and |Σ attributions − (μ(x) − μ(x'))|.</summary>
    public sealed record Result(float[] Attributions, double MeanAtInput, double MeanAtBaseline, double CompletenessGap);

    /// <summary>Attributions of <paramref name="input"/> against <paramref name="baseline"/> for parameter <paramref name="parameter"/>.</summary>
    public static Result Compute(MomentModel model, ReadOnlySpan<float> input, ReadOnlySpan<float> baseline, int parameter, int steps = 32)
    {
        ArgumentNullException.ThrowIfNull(model);
        int length = model.InputLength;
        if (input.Length != length || baseline.Length != length)
        {
            throw new ArgumentException($"Input and baseline need {length} values each, got {input.Length} and {baseline.Length}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameter, model.Spec.ParameterCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        double scale = model.Normalisation.TargetStd[parameter];
        double offset = model.Normalisation.TargetMean[parameter];
        var path = new float[(steps + 2) * length];
        // Rows 0..steps-1: midpoints α = (k + ½)/steps; then the input and the baseline themselves.
        for (int k = 0; k < steps; k++)
        {
            float alpha = (k + 0.5f) / steps;
            for (int i = 0; i < length; i++) path[(k * length) + i] = baseline[i] + (alpha * (input[i] - baseline[i]));
        }

        input.CopyTo(path.AsSpan(steps * length, length));
        baseline.CopyTo(path.AsSpan((steps + 1) * length, length));
        using var scope = NewDisposeScope();
        var network = model.Network;
        bool wasTraining = network.training;
        network.eval();
        try
        {
            var points = model.InputTensor(path, steps + 2).to(model.Device).requires_grad_(true);
            var means = network.forward(model.PrepareInput(points)).narrow(1, parameter, 1).squeeze(1);
            means.narrow(0, 0, steps).sum().backward();
            var gradient = points.grad!.narrow(0, 0, steps).mean([0]).cpu().data<float>().ToArray();
            var endpoints = means.narrow(0, steps, 2).detach().cpu().data<float>().ToArray();
            var attributions = new float[length];
            double total = 0;
            for (int i = 0; i < length; i++)
            {
                attributions[i] = (float)(scale * (input[i] - baseline[i]) * gradient[i]);
                total += attributions[i];
            }

            double atInput = offset + (scale * endpoints[0]);
            double atBaseline = offset + (scale * endpoints[1]);
            return new Result(attributions, atInput, atBaseline, Math.Abs(total - (atInput - atBaseline)));
        }
        finally
        {
            network.train(wasTraining);
        }
    }
}
