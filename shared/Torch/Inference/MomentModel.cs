using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Inference;

/// <summary>
/// A moment network with its normalisation on one device: physical inputs in, physical posterior moments out.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="Predict"/> may be called from any thread; calls on one instance are serialised by a
/// lock (the network is shared state: eval/train mode, device buffers). For parallel throughput give each worker its
/// own instance (load the bundle once per worker). Do not train the same <see cref="Network"/> while predicting.
/// </remarks>
public sealed class MomentModel : IDisposable
{
    /// <summary>Largest number of inputs sent through the network at once; bigger requests are chunked.</summary>
    public const int DefaultMaxBatch = 256;

    private readonly Lock _gate = new();
    private readonly Tensor? _inputMean;
    private readonly Tensor? _inputStd;

    // Held for the model's lifetime: a Scalar converted from a number at each call is freed only by the garbage
    // collector (dotnet/TorchSharp#1434), which may run while libtorch still reads it.
    private readonly Scalar _inputScale;
    private readonly Scalar _logOffset;

    /// <summary>Wraps <paramref name="network"/> (moved to <paramref name="device"/>); takes ownership of it.</summary>
    public MomentModel(MomentNetwork network, ModelNormalisation normalisation, Device device)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        Normalisation = normalisation.Validated(network.ParameterCount).ValidatedInputs(network.Spec.InputLength);
        Device = device;
        InputLength = network.Spec.InputLength;
        _inputScale = Normalisation.InputScale.ToScalar();
        _logOffset = Normalisation.LogOffset.ToScalar();
        Network.to(device);
        if (Normalisation.InputMean is { } inputMean && Normalisation.InputStd is { } inputStd)
        {
            // Kept on the device for the model's lifetime: every batch is standardised with them.
            _inputMean = tensor(inputMean.Select(v => (float)v).ToArray()).to(device).DetachFromDisposeScope();
            _inputStd = tensor(inputStd.Select(v => (float)v).ToArray()).to(device).DetachFromDisposeScope();
        }
    }

    /// <summary>The wrapped network.</summary>
    public MomentNetwork Network { get; }

    /// <summary>The architecture of <see cref="Network"/>.</summary>
    public NetworkSpec Spec => Network.Spec;

    /// <summary>Input and target transforms.</summary>
    public ModelNormalisation Normalisation { get; private set; }

    /// <summary>Where the network runs.</summary>
    public Device Device { get; }

    /// <summary>Values per input sample (1 x 48 x 48 = 2304 for the 2D network).</summary>
    public int InputLength { get; }

    /// <summary>
    /// Posterior mean and sigma of every parameter for <paramref name="count"/> raw inputs laid out back to back in
    /// <paramref name="inputs"/> (each <see cref="InputLength"/> values, e.g. a sum-1 KDE image, row-major).
    /// </summary>
    public MomentPredictions Predict(ReadOnlySpan<float> inputs, int count, int maxBatch = DefaultMaxBatch) =>
        PredictWithEmbeddings(inputs, count, maxBatch, Span<float>.Empty);

    /// <summary>
    /// As <see cref="Predict"/>, and also writes the network's learned summary of each input
    /// (<see cref="MomentNetwork.EmbeddingSize"/> values per input, back to back) into <paramref name="embeddings"/>
    /// from the same forward pass, for a posterior head. An empty span skips it.
    /// </summary>
    public MomentPredictions PredictWithEmbeddings(ReadOnlySpan<float> inputs, int count, int maxBatch, Span<float> embeddings)
    {
        int embeddingSize = 0;
        if (!embeddings.IsEmpty)
        {
            embeddingSize = Network.EmbeddingSize
                ?? throw new NotSupportedException($"{Spec.ArchitectureId} exposes no embedding for a posterior head.");
            if (embeddings.Length != count * embeddingSize)
            {
                throw new ArgumentException($"Expected {count} x {embeddingSize} embedding values, got {embeddings.Length}.", nameof(embeddings));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        if (inputs.Length != count * InputLength)
        {
            throw new ArgumentException($"Expected {count} x {InputLength} = {count * InputLength} values, got {inputs.Length}.", nameof(inputs));
        }

        int n = Spec.ParameterCount;
        var mean = new double[count * n];
        var sigma = new double[count * n];
        lock (_gate)
        {
            Network.eval();
            for (int start = 0; start < count; start += maxBatch)
            {
                int size = Math.Min(maxBatch, count - start);
                var chunk = inputs.Slice(start * InputLength, size * InputLength);
                float[] moments = embeddingSize == 0
                    ? RunChunk(chunk, size)
                    : RunChunk(chunk, size, embeddings.Slice(start * embeddingSize, size * embeddingSize));
                for (int i = 0; i < size; i++)
                {
                    for (int p = 0; p < n; p++)
                    {
                        int row = (start + i) * n;
                        mean[row + p] = Normalisation.TargetMean[p] + (Normalisation.TargetStd[p] * moments[(i * 2 * n) + p]);
                        sigma[row + p] = Normalisation.TargetStd[p] * moments[(i * 2 * n) + n + p] * (Normalisation.SigmaScale?[p] ?? 1.0);
                    }
                }
            }
        }

        return new MomentPredictions(count, n, mean, sigma);
    }

    /// <summary>Sets the per-parameter sigma factors that <see cref="Predict"/> applies (calibration after training); null clears them.</summary>
    internal void CalibrateSigmas(IReadOnlyList<double>? scales) =>
        Normalisation = (Normalisation with { SigmaScale = scales is null ? null : [.. scales] }).Validated(Spec.ParameterCount);

    /// <summary>Raw inputs [N, ...] (any device) to network inputs on <see cref="Device"/>; caller owns the scope.</summary>
    internal Tensor PrepareInput(Tensor raw)
    {
        var scaled = raw.to(Device).mul(_inputScale);
        var transformed = Normalisation.LogInput ? scaled.Plus(_logOffset).log() : scaled;
        return _inputMean is null ? transformed : transformed.sub(_inputMean).div(_inputStd!);
    }

    /// <summary>Batch tensor [N, ...InputShape] from back-to-back raw inputs.</summary>
    internal Tensor InputTensor(ReadOnlySpan<float> chunk, int size)
    {
        long[] shape = [size, .. Spec.InputShape.Select(d => (long)d)];
        // Copied straight into the tensor's storage: a batch of images is a large-object-heap array, and an
        // intermediate copy per batch made the inference service trigger a full GC every few batches.
        var batch = empty(shape, ScalarType.Float32);
        batch.data<float>().CopyFrom(chunk, 0, 0);
        return batch;
    }

    private float[] RunChunk(ReadOnlySpan<float> chunk, int size, Span<float> embeddings)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (output, embedding) = Network.InferWithEmbedding(PrepareInput(InputTensor(chunk, size)));
        embedding.cpu().data<float>().CopyTo(embeddings);
        return output.cpu().data<float>().ToArray();
    }

    private float[] RunChunk(ReadOnlySpan<float> chunk, int size)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var output = Network.Infer(PrepareInput(InputTensor(chunk, size)));
        return output.cpu().data<float>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Network.Dispose();
        _inputMean?.Dispose();
        _inputStd?.Dispose();
        _inputScale.Dispose();
        _logOffset.Dispose();
    }
}
