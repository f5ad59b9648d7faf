namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// Samples as a moment network summarises them: <see cref="Count"/> embeddings of <see cref="EmbeddingSize"/> values
/// and their true parameters (physical units, <see cref="ParameterCount"/> each), both row-major.
/// </summary>
public sealed record EmbeddedSamples(float[] Embeddings, double[] Targets, int Count, int EmbeddingSize, int ParameterCount)
{
    /// <summary>Throws when the arrays do not match the counts or hold non-finite values.</summary>
    public EmbeddedSamples Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EmbeddingSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ParameterCount, 1);
        if (Embeddings.Length != Count * EmbeddingSize || Targets.Length != Count * ParameterCount)
        {
            throw new ArgumentException(
                $"{Count} samples need {Count * EmbeddingSize} embedding values and {Count * ParameterCount} targets; got {Embeddings.Length} and {Targets.Length}.");
        }

        if (Array.FindIndex(Embeddings, v => !float.IsFinite(v)) is var bad and >= 0)
        {
            throw new ArgumentException($"Embedding value {bad} (sample {bad / EmbeddingSize}) is not finite.");
        }

        if (Array.FindIndex(Targets, v => !double.IsFinite(v)) is var badTarget and >= 0)
        {
            throw new ArgumentException($"Target {badTarget} (sample {badTarget / ParameterCount}) is not finite.");
        }

        return this;
    }
}
