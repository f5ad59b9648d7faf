using StreamProcessor.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// A trained posterior head on one device: a moment network's embeddings in, the full marginal posterior of every
/// parameter out, as a <see cref="GaussianMixture"/> in physical units (the target normalisation of the moment
/// network it was trained on undone).
/// </summary>
/// <remarks>Calls are serialised by a lock (eval mode and device buffers are shared state), as in <c>MomentModel</c>.</remarks>
public sealed class MixturePosteriorHead : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Tensor _embeddingMean;
    private readonly Tensor _embeddingStd;

    /// <summary>Wraps <paramref name="network"/> (moved to <paramref name="device"/>); takes ownership of it.</summary>
    public MixturePosteriorHead(
        MixtureDensityNetwork network,
        IReadOnlyList<double> embeddingMean,
        IReadOnlyList<double> embeddingStd,
        IReadOnlyList<double> targetMean,
        IReadOnlyList<double> targetStd,
        Device device)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(network);
        int e = network.Spec.InputFeatures;
        int n = network.Spec.ParameterCount;
        if (embeddingMean.Count != e || embeddingStd.Count != e || embeddingStd.Any(s => !(s > 0)))
        {
            throw new ArgumentException($"Need {e} embedding means and {e} positive standard deviations; got {embeddingMean.Count} and {embeddingStd.Count}.");
        }

        if (targetMean.Count != n || targetStd.Count != n || targetStd.Any(s => !(s > 0)))
        {
            throw new ArgumentException($"Need {n} target means and {n} positive standard deviations.");
        }

        Network = network;
        Device = device;
        EmbeddingMean = [.. embeddingMean];
        EmbeddingStd = [.. embeddingStd];
        TargetMean = [.. targetMean];
        TargetStd = [.. targetStd];
        Network.to(device);
        Network.eval();
        _embeddingMean = tensor(EmbeddingMean.Select(v => (float)v).ToArray()).to(device).DetachFromDisposeScope();
        _embeddingStd = tensor(EmbeddingStd.Select(v => (float)v).ToArray()).to(device).DetachFromDisposeScope();
    }

    /// <summary>The wrapped network.</summary>
    public MixtureDensityNetwork Network { get; }

    /// <summary>Where it runs.</summary>
    public Device Device { get; }

    /// <summary>Per-feature standardisation of the embeddings (from the training split).</summary>
    public IReadOnlyList<double> EmbeddingMean { get; }

    /// <inheritdoc cref="EmbeddingMean"/>
    public IReadOnlyList<double> EmbeddingStd { get; }

    /// <summary>Target standardisation shared with the moment network: physical = mean + std × standardised.</summary>
    public IReadOnlyList<double> TargetMean { get; }

    /// <inheritdoc cref="TargetMean"/>
    public IReadOnlyList<double> TargetStd { get; }

    /// <summary>Parameters of the posterior.</summary>
    public int ParameterCount => Network.Spec.ParameterCount;

    /// <summary>
    /// Marginal posteriors for <paramref name="count"/> embeddings laid back to back; element [i * n + p] is parameter
    /// p of input i.
    /// </summary>
    public GaussianMixture[] Posteriors(ReadOnlySpan<float> embeddings, int count)
    {
        int e = Network.Spec.InputFeatures;
        if (embeddings.Length != count * e)
        {
            throw new ArgumentException($"Expected {count} x {e} embedding values, got {embeddings.Length}.", nameof(embeddings));
        }

        int k = Network.Spec.Components;
        int n = ParameterCount;
        float[] logWeights, means, sigmas;
        lock (_gate)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var raw = Network.forward(Standardise(EmbeddingTensor(embeddings, count)));
            var (w, mu, s) = Network.Split(raw);
            logWeights = w.cpu().contiguous().data<float>().ToArray();
            means = mu.cpu().contiguous().data<float>().ToArray();
            sigmas = s.cpu().contiguous().data<float>().ToArray();
        }

        var result = new GaussianMixture[count * n];
        var weight = new double[k];
        var mean = new double[k];
        var sigma = new double[k];
        for (int i = 0; i < count; i++)
        {
            for (int c = 0; c < k; c++) weight[c] = Math.Exp(logWeights[(i * k) + c]);
            for (int p = 0; p < n; p++)
            {
                for (int c = 0; c < k; c++)
                {
                    int at = (((i * k) + c) * n) + p;
                    mean[c] = TargetMean[p] + (TargetStd[p] * means[at]);
                    sigma[c] = TargetStd[p] * sigmas[at];
                }

                result[(i * n) + p] = new GaussianMixture(weight, mean, sigma);
            }
        }

        return result;
    }

    /// <summary>Standardised embeddings for training: (x − mean) / std on <see cref="Device"/>; caller owns the scope.</summary>
    internal Tensor Standardise(Tensor embeddings) => embeddings.to(Device).sub(_embeddingMean).div(_embeddingStd);

    /// <summary>A [count, E] float tensor of back-to-back embeddings.</summary>
    internal Tensor EmbeddingTensor(ReadOnlySpan<float> embeddings, int count)
    {
        var batch = empty([count, Network.Spec.InputFeatures], ScalarType.Float32);
        batch.data<float>().CopyFrom(embeddings, 0, 0);
        return batch;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Network.Dispose();
        _embeddingMean.Dispose();
        _embeddingStd.Dispose();
    }
}
