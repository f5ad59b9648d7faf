namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>Why a member sample cannot be turned into a Gaussian-KDE image.</summary>
/// <remarks>Callers map every value to a rejection of the cluster (for example <c>ValidationReason.Unprocessable</c>).</remarks>
public enum SampleDegeneracy
{
    /// <summary>Fewer points than the KDE needs: at least 3, and at least dimension + 1 so the covariance can be full rank.</summary>
    TooFewPoints,

    /// <summary>A coordinate is NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>All points share one value of a coordinate (standard deviation below 1e-10 of its magnitude).</summary>
    ZeroVariance,

    /// <summary>The coordinates are (numerically) collinear: a conditional variance of the correlation matrix is below 1e-10.</summary>
    SingularCovariance,

    /// <summary>Every point lies so far outside the grid that the image is identically zero and cannot be normalised.</summary>
    NoDensityOnGrid,
}
