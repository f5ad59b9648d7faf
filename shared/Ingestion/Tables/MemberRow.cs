using System.Text.Json.Serialization;
using CsvHelper.Configuration.Attributes;

namespace StreamProcessor.Ingestion.Tables;

/// <summary>
/// One member galaxy of one cluster catalogue: the row layout `ingest` reads from CSV, Parquet and Arrow files
/// (column names below; README "Ingesting catalogues"). Cluster columns repeat on every member row.
/// </summary>
public sealed class MemberRow
{
    [Name("cluster_id"), JsonPropertyName("cluster_id")] public string? ClusterId { get; set; }
    [Name("survey"), JsonPropertyName("survey")] public string? Survey { get; set; }
    [Name("cluster_ra_deg"), JsonPropertyName("cluster_ra_deg")] public double? ClusterRaDeg { get; set; }
    [Name("cluster_dec_deg"), JsonPropertyName("cluster_dec_deg")] public double? ClusterDecDeg { get; set; }
    [Name("cluster_redshift"), JsonPropertyName("cluster_redshift")] public double? ClusterRedshift { get; set; }

    /// <summary>ISO 8601 UTC text (CSV) or a timestamp (Parquet/Arrow).</summary>
    [Name("detection_time"), JsonPropertyName("detection_time")] public DateTime? DetectionTimeUtc { get; set; }

    [Name("member_ra_deg"), JsonPropertyName("member_ra_deg")] public double? MemberRaDeg { get; set; }
    [Name("member_dec_deg"), JsonPropertyName("member_dec_deg")] public double? MemberDecDeg { get; set; }
    [Name("member_redshift"), JsonPropertyName("member_redshift"), Optional] public double? MemberRedshift { get; set; }
    [Name("member_v_los_km_s"), JsonPropertyName("member_v_los_km_s"), Optional] public double? MemberVLosKmPerS { get; set; }
    [Name("member_magnitude"), JsonPropertyName("member_magnitude"), Optional] public double? MemberMagnitude { get; set; }
    [Name("member_r_proj_mpc_h"), JsonPropertyName("member_r_proj_mpc_h"), Optional] public double? MemberProjectedRadiusMpcOverH { get; set; }

    /// <summary>Known truth for simulated catalogues (log10 M200c in h⁻¹ M☉); empty for real detections.</summary>
    [Name("true_log10_m200c"), JsonPropertyName("true_log10_m200c"), Optional] public double? TrueLog10M200c { get; set; }
}
