using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using CsvHelper;
using CsvHelper.Configuration;
using Parquet.Serialization;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Writing;

/// <summary>
/// Writes member rows as CSV, Parquet or an Arrow IPC file, in the column layout <see cref="MemberTable"/> reads
/// (so a written file can be ingested as it is). The format follows the extension, as in <see cref="MemberTable.FormatOf"/>.
/// </summary>
public static class MemberTableWriter
{
    /// <summary>ISO 8601 UTC to the millisecond, the form <see cref="MemberTable"/> parses.</summary>
    public const string CsvTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static async Task WriteAsync(IReadOnlyList<MemberRow> rows, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        switch (MemberTable.FormatOf(path))
        {
            case TableFormat.Csv:
                await WriteCsvAsync(rows, path, cancellationToken);
                break;
            case TableFormat.Parquet:
                await ParquetSerializer.SerializeAsync(rows, path, cancellationToken: cancellationToken);
                break;
            case TableFormat.Arrow:
                await WriteArrowAsync(rows, path, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, "unknown table format");
        }
    }

    private static async Task WriteCsvAsync(IReadOnlyList<MemberRow> rows, string path, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        var timeOptions = csv.Context.TypeConverterOptionsCache.GetOptions<DateTime?>();
        timeOptions.Formats = [CsvTimeFormat];
        // "R": shortest text that parses back to the same double, so a CSV round trip is exact.
        csv.Context.TypeConverterOptionsCache.GetOptions<double?>().Formats = ["R"];
        await csv.WriteRecordsAsync(rows, cancellationToken);
    }

    private static async Task WriteArrowAsync(IReadOnlyList<MemberRow> rows, string path, CancellationToken cancellationToken)
    {
        var timestampType = new TimestampType(TimeUnit.Millisecond, "UTC");
        var time = new TimestampArray.Builder(timestampType);
        foreach (var row in rows)
        {
            if (row.DetectionTimeUtc is { } t) time.Append(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)));
            else time.AppendNull();
        }

        var batch = new RecordBatch.Builder()
            .Append("cluster_id", true, Strings(rows, r => r.ClusterId))
            .Append("survey", true, Strings(rows, r => r.Survey))
            .Append("cluster_ra_deg", true, Numbers(rows, r => r.ClusterRaDeg))
            .Append("cluster_dec_deg", true, Numbers(rows, r => r.ClusterDecDeg))
            .Append("cluster_redshift", true, Numbers(rows, r => r.ClusterRedshift))
            .Append("detection_time", true, time.Build())
            .Append("member_ra_deg", true, Numbers(rows, r => r.MemberRaDeg))
            .Append("member_dec_deg", true, Numbers(rows, r => r.MemberDecDeg))
            .Append("member_redshift", true, Numbers(rows, r => r.MemberRedshift))
            .Append("member_v_los_km_s", true, Numbers(rows, r => r.MemberVLosKmPerS))
            .Append("member_magnitude", true, Numbers(rows, r => r.MemberMagnitude))
            .Append("member_r_proj_mpc_h", true, Numbers(rows, r => r.MemberProjectedRadiusMpcOverH))
            .Append("true_log10_m200c", true, Numbers(rows, r => r.TrueLog10M200c))
            .Build();
        using (batch)
        {
            await using var stream = File.Create(path);
            using var writer = new ArrowFileWriter(stream, batch.Schema);
            await writer.WriteRecordBatchAsync(batch, cancellationToken);
            await writer.WriteEndAsync(cancellationToken);
        }
    }

    private static StringArray Strings(IReadOnlyList<MemberRow> rows, Func<MemberRow, string?> value)
    {
        var builder = new StringArray.Builder();
        foreach (var row in rows)
        {
            if (value(row) is { } s) builder.Append(s);
            else builder.AppendNull();
        }

        return builder.Build();
    }

    private static DoubleArray Numbers(IReadOnlyList<MemberRow> rows, Func<MemberRow, double?> value)
    {
        var builder = new DoubleArray.Builder();
        foreach (var row in rows) builder.Append(value(row));
        return builder.Build();
    }
}
