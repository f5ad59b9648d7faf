namespace StreamProcessor.Torch.Training;

/// <summary>
/// Training samples held in memory: float32 inputs back to back, targets (n per sample) and the id of the group
/// (halo) each sample comes from. Several samples per group (lines of sight) are expected; splits go by group.
/// </summary>
public sealed class SampleDataset
{
    private readonly float[] _inputs;
    private readonly float[] _targets;
    private readonly long[] _groupIds;

    /// <summary>Checks that the arrays agree in length; does not copy them.</summary>
    /// <param name="inputs">Count x InputLength values (e.g. 48 x 48 KDE images, each summing to 1).</param>
    /// <param name="targets">Count x ParameterCount values (e.g. log10 M200c in h^-1 M_sun).</param>
    /// <param name="groupIds">Count halo ids.</param>
    /// <param name="inputLength">Values per sample.</param>
    /// <param name="parameterNames">One name per target column, e.g. "log10_m200c".</param>
    public SampleDataset(float[] inputs, float[] targets, long[] groupIds, int inputLength, IReadOnlyList<string> parameterNames)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(groupIds);
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputLength, 1);
        ArgumentOutOfRangeException.ThrowIfZero(parameterNames.Count);
        int count = groupIds.Length;
        if (inputs.Length != (long)count * inputLength)
        {
            throw new ArgumentException($"{count} samples of {inputLength} values need {(long)count * inputLength} inputs, got {inputs.Length}.", nameof(inputs));
        }

        if (targets.Length != (long)count * parameterNames.Count)
        {
            throw new ArgumentException($"{count} samples of {parameterNames.Count} parameters need {(long)count * parameterNames.Count} targets, got {targets.Length}.", nameof(targets));
        }

        if (targets.Any(t => !float.IsFinite(t)))
        {
            throw new ArgumentException("Targets must be finite.", nameof(targets));
        }

        _inputs = inputs;
        _targets = targets;
        _groupIds = groupIds;
        InputLength = inputLength;
        ParameterNames = parameterNames;
    }

    /// <summary>Number of samples.</summary>
    public int Count => _groupIds.Length;

    /// <summary>Values per sample.</summary>
    public int InputLength { get; }

    /// <summary>Target names, one per parameter.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Number of parameters per sample.</summary>
    public int ParameterCount => ParameterNames.Count;

    /// <summary>All inputs, back to back.</summary>
    public ReadOnlySpan<float> Inputs => _inputs;

    /// <summary>All targets, row-major [sample, parameter].</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>Group (halo) id of every sample.</summary>
    public IReadOnlyList<long> GroupIds => _groupIds;

    /// <summary>Input values of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Input(int index) => _inputs.AsSpan(index * InputLength, InputLength);

    /// <summary>Targets of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Target(int index) => _targets.AsSpan(index * ParameterCount, ParameterCount);

    /// <summary>Copies the inputs of <paramref name="rows"/> back to back into <paramref name="destination"/>.</summary>
    public void GatherInputs(ReadOnlySpan<int> rows, Span<float> destination)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            Input(rows[i]).CopyTo(destination.Slice(i * InputLength, InputLength));
        }
    }

    /// <summary>Copies the targets of <paramref name="rows"/> back to back into <paramref name="destination"/>.</summary>
    public void GatherTargets(ReadOnlySpan<int> rows, Span<float> destination)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            Target(rows[i]).CopyTo(destination.Slice(i * ParameterCount, ParameterCount));
        }
    }
}
