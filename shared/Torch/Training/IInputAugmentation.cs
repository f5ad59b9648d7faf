namespace StreamProcessor.Torch.Training;

/// <summary>
/// Rewrites the raw inputs of a training batch before each optimiser step, e.g. with measurement noise drawn afresh
/// every time a sample is seen, so that a network cannot learn one fixed noise realisation by heart. Validation, test
/// and σ calibration see the data set as stored.
/// </summary>
public interface IInputAugmentation
{
    /// <summary>What the augmentation does, for logs and cards.</summary>
    string Description { get; }

    /// <summary>
    /// Overwrites <paramref name="inputs"/>, the gathered raw inputs of <paramref name="rows"/> (row-major, one data-set
    /// input length per row), drawing from <paramref name="random"/> only (the trainer seeds it, so runs reproduce).
    /// </summary>
    void Apply(ReadOnlySpan<int> rows, Span<float> inputs, Random random);
}
