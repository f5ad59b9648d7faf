using Apache.Arrow;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// Bad catalogue messages of the kinds survey pipelines really emit, built from a good catalogue by bypassing the
/// codec's own validation (ToRecordBatch does not validate; Encode does).
/// </summary>
internal static class MalformedCatalogues
{
    public const int OversizeCap = 600;

    public static readonly string[] Kinds = ["random-bytes", "wrong-schema-version", "nan-velocity", "infinite-velocity", "empty-members", "over-size-cap", "truncated-stream"];

    public static byte[] Make(string kind, ClusterCatalogue good, Random random)
    {
        var codec = new ClusterCatalogueCodec();
        switch (kind)
        {
            case "random-bytes":
                var noise = new byte[random.Next(8, 4096)];
                random.NextBytes(noise);
                return noise;
            case "wrong-schema-version":
                using (var batch = codec.ToRecordBatch(good))
                {
                    var metadata = batch.Schema.Metadata.ToDictionary(m => m.Key, m => m.Value);
                    metadata["schema-version"] = "2.0";
                    return UncheckedArrow.Write(new RecordBatch(new Schema(batch.Schema.FieldsList, metadata), batch.Arrays, batch.Length));
                }

            case "nan-velocity":
                return Raw(codec, good with { Members = good.Members.Select((m, i) => i == 0 ? m with { VLosKmPerS = double.NaN } : m).ToList() });
            case "infinite-velocity":
                return Raw(codec, good with { Members = good.Members.Select((m, i) => i == 1 ? m with { VLosKmPerS = double.PositiveInfinity } : m).ToList() });
            case "empty-members":
                return Raw(codec, good with { Members = [] });
            case "over-size-cap":
                // Over the service's cap (the drill runs it with Codecs:MaxMembers = OversizeCap) yet small in bytes:
                // the embedded broker keeps only ~5 MiB per partition, and the DLQ stores the original bytes.
                return Raw(codec, good with { Members = Enumerable.Repeat(good.Members[0], OversizeCap + 100).ToList() });
            case "truncated-stream":
                var bytes = codec.Encode(good);
                return bytes[..random.Next(1, bytes.Length - 1)];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static byte[] Raw(ClusterCatalogueCodec codec, ClusterCatalogue message)
    {
        using var batch = codec.ToRecordBatch(message);
        return UncheckedArrow.Write(batch);
    }
}
