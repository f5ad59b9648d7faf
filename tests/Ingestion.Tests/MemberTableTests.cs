using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Parquet.Serialization;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Tests;

public sealed class MemberTableTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("member-table-");

    [Fact]
    public async Task Csv_rows_are_read_with_optional_columns_and_bad_rows_rejected_with_a_reason()
    {
        string path = Path.Combine(_folder.FullName, "survey.csv");
        await File.WriteAllTextAsync(path,
            "cluster_id,survey,cluster_ra_deg,cluster_dec_deg,cluster_redshift,detection_time,member_ra_deg,member_dec_deg,member_redshift\n" +
            "A,sdss,150.0,2.0,0.1,2026-11-01T00:00:00Z,150.01,2.01,0.101\n" +
            "A,sdss,150.0,2.0,0.1,2026-11-01T00:00:00Z,not-a-number,2.02,0.102\n" +
            "B,sdss,151.0,-1.0,0.05,2026-11-01T01:00:00Z,151.02,-1.01,\n");

        var (rows, rejections) = await MemberTable.ReadAsync(path);

        Assert.Equal(2, rows.Count);
        Assert.Equal("A", rows[0].ClusterId);
        Assert.Equal(0.101, rows[0].MemberRedshift);
        Assert.Null(rows[1].MemberRedshift);
        Assert.Null(rows[1].MemberVLosKmPerS);
        Assert.Equal(new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc), rows[1].DetectionTimeUtc!.Value.ToUniversalTime());
        var rejection = Assert.Single(rejections);
        Assert.Equal(2, rejection.Row);
        Assert.Contains("unparseable", rejection.Reason);
    }

    [Fact]
    public async Task Parquet_rows_round_trip_through_the_column_names()
    {
        string path = Path.Combine(_folder.FullName, "survey.parquet");
        var written = new[]
        {
            new MemberRow { ClusterId = "P1", Survey = "euclid", ClusterRaDeg = 10, ClusterDecDeg = -5, ClusterRedshift = 0.08, DetectionTimeUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), MemberRaDeg = 10.01, MemberDecDeg = -5.02, MemberVLosKmPerS = 350, MemberMagnitude = 17.1 },
        };
        await ParquetSerializer.SerializeAsync(written, path);

        var (rows, rejections) = await MemberTable.ReadAsync(path);

        var row = Assert.Single(rows);
        Assert.Empty(rejections);
        Assert.Equal("P1", row.ClusterId);
        Assert.Equal(350, row.MemberVLosKmPerS);
        Assert.Equal(17.1, row.MemberMagnitude);
        Assert.Null(row.MemberRedshift);
    }

    [Fact]
    public async Task Arrow_ipc_files_are_read_by_column_name()
    {
        string path = Path.Combine(_folder.FullName, "survey.arrow");
        var batch = new RecordBatch.Builder()
            .Append("cluster_id", false, c => c.String(a => a.Append("R1").Append("R1")))
            .Append("survey", false, c => c.String(a => a.Append("rubin").Append("rubin")))
            .Append("cluster_ra_deg", false, c => c.Double(a => a.Append(200).Append(200)))
            .Append("cluster_dec_deg", false, c => c.Double(a => a.Append(-30).Append(-30)))
            .Append("cluster_redshift", false, c => c.Double(a => a.Append(0.12).Append(0.12)))
            .Append("member_ra_deg", false, c => c.Double(a => a.Append(200.01).Append(199.99)))
            .Append("member_dec_deg", false, c => c.Double(a => a.Append(-30.01).Append(-29.99)))
            .Append("member_redshift", false, c => c.Double(a => a.Append(0.121).Append(0.119)))
            .Build();
        await using (var stream = File.Create(path))
        {
            using var writer = new ArrowFileWriter(stream, batch.Schema);
            await writer.WriteRecordBatchAsync(batch);
            await writer.WriteEndAsync();
        }

        var (rows, _) = await MemberTable.ReadAsync(path);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("R1", r.ClusterId));
        Assert.Equal(0.119, rows[1].MemberRedshift);
        Assert.Null(rows[0].DetectionTimeUtc);
    }

    [Fact]
    public void Unknown_extensions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MemberTable.FormatOf("survey.xlsx"));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
