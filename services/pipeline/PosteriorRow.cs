using System.Text.Json.Serialization;

namespace StreamProcessor.Pipeline;

/// <summary>One posterior as a flat Parquet row (snake_case columns, as in the Arrow schema).</summary>
public sealed class PosteriorRow
{
    [JsonPropertyName("object_id")] public string ObjectId { get; set; } = "";
    [JsonPropertyName("survey")] public string Survey { get; set; } = "";
    [JsonPropertyName("redshift")] public double Redshift { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("rejection_reason")] public string? RejectionReason { get; set; }
    [JsonPropertyName("log10_m200c")] public double? Log10M200c { get; set; }
    [JsonPropertyName("sigma_log10_m200c")] public double? SigmaLog10M200c { get; set; }
    [JsonPropertyName("baseline_msigma_log10_m")] public double? BaselineMsigmaLog10M { get; set; }
    [JsonPropertyName("baseline_virial_log10_m")] public double? BaselineVirialLog10M { get; set; }
    [JsonPropertyName("baseline_distribution_log10m")] public double? BaselineDistributionLog10M { get; set; }
    [JsonPropertyName("true_log10_m200c")] public double? TrueLog10M200c { get; set; }
    [JsonPropertyName("members_kept")] public int? MembersKept { get; set; }
    [JsonPropertyName("sigma_los_km_s")] public double? SigmaLosKmPerS { get; set; }
    [JsonPropertyName("out_of_distribution")] public bool OutOfDistribution { get; set; }
    [JsonPropertyName("ood_reason")] public string? OodReason { get; set; }
    [JsonPropertyName("model_name")] public string ModelName { get; set; } = "";
    [JsonPropertyName("model_version")] public string ModelVersion { get; set; } = "";
    [JsonPropertyName("model_card_sha256")] public string ModelCardSha256 { get; set; } = "";
    [JsonPropertyName("source_partition")] public int SourcePartition { get; set; }
    [JsonPropertyName("source_offset")] public long SourceOffset { get; set; }
    [JsonPropertyName("queued_ms")] public double QueuedMs { get; set; }
    [JsonPropertyName("features_ms")] public double? FeaturesMs { get; set; }
    [JsonPropertyName("inference_ms")] public double InferenceMs { get; set; }
}
