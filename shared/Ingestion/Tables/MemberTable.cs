using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Parquet.Serialization;
using static StreamProcessor.Ingestion.Tables.ArrowTables;

namespace StreamProcessor.Ingestion.Tables;

/// <summary>Reads member rows from CSV, Parquet or Arrow (IPC file or stream) files.</summary>
public static class MemberTable
{
    public static TableFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => TableFormat.Csv,
        ".parquet" => TableFormat.Parquet,
        ".arrow" or ".arrows" or ".feather" or ".ipc" => TableFormat.Arrow,
        var other => throw new ArgumentException($"unknown table format '{other}': use .csv, .parquet or .arrow", nameof(path)),
    };

    /// <summary>All rows of the file, plus the rows that could not be parsed (with the reason).</summary>
    public static async Task<(IReadOnlyList<MemberRow> Rows, IReadOnlyList<RowRejection> Rejections)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        return FormatOf(path) switch
        {
            TableFormat.Csv => ReadCsv(path),
            TableFormat.Parquet => await ReadParquetAsync(path, cancellationToken),
            TableFormat.Arrow => await ReadArrowAsync(path, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };
    }

    private static (IReadOnlyList<MemberRow>, IReadOnlyList<RowRejection>) ReadCsv(string path)
    {
        var rows = new List<MemberRow>();
        var rejections = new List<RowRejection>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, HeaderValidated = null };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, configuration);
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTime?>().DateTimeStyle = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        csv.Read();
        csv.ReadHeader();
        long row = 0;
        while (csv.Read())
        {
            row++;
            try
            {
                rows.Add(csv.GetRecord<MemberRow>());
            }
            catch (CsvHelperException e) when (e is CsvHelper.TypeConversion.TypeConverterException or ReaderException)
            {
                rejections.Add(new RowRejection(row, csv.GetField(0), $"unparseable value: {e.Message.Split('\n')[0]}"));
            }
        }

        return (rows, rejections);
    }

    private static async Task<(IReadOnlyList<MemberRow>, IReadOnlyList<RowRejection>)> ReadParquetAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ParquetSerializer.DeserializeAsync<MemberRow>(path, cancellationToken: cancellationToken);
        return (result.Data.ToList(), []);
    }

    private static async Task<(IReadOnlyList<MemberRow>, IReadOnlyList<RowRejection>)> ReadArrowAsync(string path, CancellationToken cancellationToken)
    {
        var rows = new List<MemberRow>();
        await foreach (var batch in ArrowTables.ReadBatchesAsync(path, cancellationToken))
        {
            using (batch)
            {
                for (int i = 0; i < batch.Length; i++)
                {
                    rows.Add(new MemberRow
                    {
                        ClusterId = Text(batch, "cluster_id", i),
                        Survey = Text(batch, "survey", i),
                        ClusterRaDeg = Number(batch, "cluster_ra_deg", i),
                        ClusterDecDeg = Number(batch, "cluster_dec_deg", i),
                        ClusterRedshift = Number(batch, "cluster_redshift", i),
                        DetectionTimeUtc = Time(batch, "detection_time", i),
                        MemberRaDeg = Number(batch, "member_ra_deg", i),
                        MemberDecDeg = Number(batch, "member_dec_deg", i),
                        MemberRedshift = Number(batch, "member_redshift", i),
                        MemberVLosKmPerS = Number(batch, "member_v_los_km_s", i),
                        MemberMagnitude = Number(batch, "member_magnitude", i),
                        MemberProjectedRadiusMpcOverH = Number(batch, "member_r_proj_mpc_h", i),
                        TrueLog10M200c = Number(batch, "true_log10_m200c", i),
                    });
                }
            }
        }

        return (rows, []);
    }
}
