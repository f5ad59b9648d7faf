namespace StreamProcessor.Contracts;

/// <summary>
/// Size caps a codec enforces on decode (and on encode, so a producer cannot write what consumers refuse).
/// Anything above a cap is rejected as <see cref="ValidationReason.Oversized"/> before it is materialised.
/// </summary>
/// <remarks>
/// Kafka's broker default <c>message.max.bytes</c> is about 1 MB; a topic that carries messages near
/// <see cref="MaxPayloadBytes"/> (sky maps, 3D KDEs) needs <c>max.message.bytes</c> raised and producer compression on.
/// </remarks>
public sealed record CodecLimits
{
    /// <summary>The defaults listed on each property.</summary>
    public static CodecLimits Default { get; } = new();

    /// <summary>Largest accepted Arrow IPC stream, in bytes. Default 4 MiB.</summary>
    public int MaxPayloadBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Most member galaxies in one catalogue or phase-space record. Default 5000.</summary>
    public int MaxMembers { get; init; } = 5000;

    /// <summary>Most pixels (width × height) of one sky map. Default 1,000,000 (4 MB of float32, inside the default payload cap).</summary>
    public int MaxMapPixels { get; init; } = 1_000_000;

    /// <summary>Most entries of a short list: profile radii, mass-function bins, parameter names, grid axes. Default 10,000.</summary>
    public int MaxListLength { get; init; } = 10_000;

    /// <summary>Most points of a flattened likelihood grid. Default 250,000 (500 × 500).</summary>
    public int MaxGridPoints { get; init; } = 250_000;

    /// <summary>Most kinds (separate value lists) of one stacked profile. Default 32.</summary>
    public int MaxProfileKinds { get; init; } = 32;

    /// <summary>Longest string field, in UTF-16 characters. Default 1024.</summary>
    public int MaxStringLength { get; init; } = 1024;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless every cap is positive.</summary>
    public CodecLimits Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPayloadBytes, 64);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMembers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMapPixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxListLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxGridPoints);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxProfileKinds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxStringLength);
        return this;
    }
}
