namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// A model's posterior for one object: one message of topics <c>posteriors.mass</c>, <c>posteriors.cgm</c> and
/// <c>posteriors.params</c>, schema schemas/posterior. The generic part is a list of parameters with Gaussian
/// mean and sigma (and, from schema 1.1, their units and optional quantiles of a full posterior); the mass columns
/// (from 1.2 with the distribution-regression baseline)
/// are filled on <c>posteriors.mass</c> and null elsewhere.
/// </summary>
public sealed record Posterior
{
    /// <summary>Id of the object (the cluster id for mass posteriors); the Kafka key.</summary>
    public required string ObjectId { get; init; }

    public required string Survey { get; init; }

    public required double Redshift { get; init; }

    public required DateTimeOffset DetectionTime { get; init; }

    public required string ModelName { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>SHA-256 of the model card, 64 lowercase hex digits.</summary>
    public required string ModelCardSha256 { get; init; }

    /// <summary>Parameter names; <see cref="Mean"/> and <see cref="Sigma"/> have one entry per name.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    public required IReadOnlyList<double> Mean { get; init; }

    /// <summary>1-sigma widths (non-negative).</summary>
    public required IReadOnlyList<double> Sigma { get; init; }

    public required RecordStatus Status { get; init; }

    /// <summary>Why the object was rejected; required when rejected, null otherwise.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>Posterior mean of log10(M200c / h^-1 Msun) (mass topic).</summary>
    public double? Log10M200c { get; init; }

    /// <summary>Posterior 1-sigma of <see cref="Log10M200c"/>, dex.</summary>
    public double? SigmaLog10M200c { get; init; }

    /// <summary>log10 M200c from the M-sigma scaling-relation baseline.</summary>
    public double? BaselineMsigmaLog10M { get; init; }

    /// <summary>log10 M200c from the virial-theorem baseline.</summary>
    public double? BaselineVirialLog10M { get; init; }

    /// <summary>
    /// log10 M200c from the distribution-regression baseline (kernel mean embedding of the members' (R_proj, |v_los|)
    /// sample, Ntampaka et al. 2015/2016); null before schema 1.2, when the model has none, or with fewer than 3 members.
    /// </summary>
    public double? BaselineDistributionLog10M { get; init; }

    /// <summary>True log10 M200c (mocks only).</summary>
    public double? TrueLog10M200c { get; init; }

    public int? MembersKept { get; init; }

    public double? SigmaLosKmPerS { get; init; }

    /// <summary>True when the input lies outside the model's training distribution.</summary>
    public required bool OutOfDistribution { get; init; }

    /// <summary>Why the input is out of distribution; null when it is not.</summary>
    public string? OodReason { get; init; }

    /// <summary>Id of the catalogue entry the posterior derives from, when different from <see cref="ObjectId"/>.</summary>
    public string? CatalogueId { get; init; }

    public required MessageProvenance Provenance { get; init; }

    /// <summary>Time from the detection record's arrival to the start of inference, ms.</summary>
    public required double QueuedMs { get; init; }

    /// <summary>Time spent computing features, ms (null when this stage did not).</summary>
    public double? FeaturesMs { get; init; }

    /// <summary>Time spent in the model, ms.</summary>
    public required double InferenceMs { get; init; }

    /// <summary>When the posterior was published (UTC).</summary>
    public required DateTimeOffset PublishedUtc { get; init; }

    /// <summary>Unit of each parameter, parallel to <see cref="ParameterNames"/> ("" for a dimensionless one); null before schema 1.1.</summary>
    public IReadOnlyList<string>? ParameterUnits { get; init; }

    /// <summary>Probability levels of <see cref="Quantiles"/>, strictly increasing in (0, 1); null for a Gaussian-only posterior.</summary>
    public IReadOnlyList<double>? QuantileLevels { get; init; }

    /// <summary>
    /// Quantiles of the full posterior, row-major parameter × level: element [p * levels + l] is the
    /// <see cref="QuantileLevels"/>[l] quantile of parameter p; null together with <see cref="QuantileLevels"/>.
    /// </summary>
    public IReadOnlyList<double>? Quantiles { get; init; }
}
