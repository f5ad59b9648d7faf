namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// Thrown by <see cref="Kde2D"/>, <see cref="Kde3D"/> and <see cref="KdeReference"/> when the member sample is bad
/// input for a KDE (too few points, zero variance, singular covariance, non-finite values, no density on the grid).
/// It is an <see cref="ArgumentException"/> so that generic argument checks still catch it; a stream step turns it
/// into a rejection with <see cref="Degeneracy"/> as the reason. Span length mismatches are programming errors and
/// throw a plain <see cref="ArgumentException"/> instead.
/// </summary>
public sealed class DegenerateSampleException : ArgumentException
{
    public DegenerateSampleException(SampleDegeneracy degeneracy, string paramName, string message)
        : base(message, paramName)
    {
        Degeneracy = degeneracy;
    }

    /// <summary>What is wrong with the sample.</summary>
    public SampleDegeneracy Degeneracy { get; }
}
