namespace StreamProcessor.ProfileInference;

/// <summary>
/// What <see cref="ProfileFeatureExtractor"/> made of one stacked profile: the model's input vector, or the reason the
/// model cannot read this profile (published as a rejected posterior: nothing silently disappears).
/// </summary>
public abstract record ProfileExtraction
{
    /// <param name="Values">log10 of each kind at each layout radius (kind-major), then log10 M_halo when the layout has it.</param>
    /// <param name="BelowFloor">Feature names whose positive value lay below the layout's floor for its kind (see <see cref="ProfileFeatureExtractor"/>).</param>
    public sealed record Extracted(double[] Values, IReadOnlyList<string> BelowFloor) : ProfileExtraction;

    /// <param name="Category">Low-cardinality label for metrics: missing-kind, radii-mismatch or missing-halo-mass.</param>
    /// <param name="Reason">The sentence the rejected posterior carries.</param>
    public sealed record Rejected(string Category, string Reason) : ProfileExtraction;
}
