using System.CommandLine;
using System.Text;
using StreamProcessor.Contracts;
using StreamProcessor.IngestCli;
using StreamProcessor.Ingestion.Catalogues;

namespace StreamProcessor.Cli.Tests;

public sealed class IngestFileTests : IDisposable
{
    private const string Header =
        "cluster_id,survey,cluster_ra_deg,cluster_dec_deg,cluster_redshift,detection_time,member_ra_deg,member_dec_deg,member_redshift,member_v_los_km_s,true_log10_m200c\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-file-");

    [Fact]
    public async Task A_csv_with_good_and_bad_rows_publishes_the_good_clusters_and_reports_each_rejected_row_with_its_reason()
    {
        using var broker = new BrokerFixture();
        string path = Path.Combine(_folder.FullName, "survey.csv");
        await File.WriteAllTextAsync(path, Header +
            "A,sdss,150.0,2.0,0.1,2026-03-20T21:00:00Z,150.01,2.01,0.101,,14.2\n" +     // row 1 good
            "A,sdss,150.0,2.0,0.1,2026-03-20T21:00:00Z,150.02,2.02,,250.5,14.2\n" +     // row 2 good (velocity only)
            "A,sdss,150.0,2.0,0.1,2026-03-20T21:00:00Z,400.0,2.03,0.102,,14.2\n" +      // row 3 member ra out of range
            "A,sdss,150.0,2.0,0.1,2026-03-20T21:00:00Z,150.03,2.04,,,14.2\n" +          // row 4 neither z nor v
            "B,sdss,151.0,3.0,0.2,2026-03-20T22:00:00Z,151.01,3.01,0.2,,\n" +           // row 5 cluster B redshift
            "B,sdss,151.0,3.0,0.3,2026-03-20T22:00:00Z,151.02,3.02,0.3,,\n" +           // row 6 ... disagrees
            "C,sdss,152.0,4.0,0.05,2026-03-20T23:00:00Z,not-a-number,4.01,0.05,,\n" +   // row 7 unparseable
            "D,,153.0,5.0,0.07,2026-03-20T23:30:00Z,153.01,5.01,0.071,,\n" +            // row 8 good, survey from --survey
            "D,,153.0,5.0,0.07,2026-03-20T23:30:00Z,153.02,5.02,0.069,-120,\n" +        // row 9 good
            "E,sdss,154.0,6.0,12.0,2026-03-21T00:00:00Z,154.01,6.01,0.1,,\n");          // row 10 cluster redshift out of range

        var output = new StringWriter();
        var limits = MagnitudeLimits.Find(explicitPath: null); // the phase-space service's own settings, found above the test folder
        var outcome = await FileCommand.RunAsync(path, broker.Kafka, Topics.Catalogues, "fallback-survey", output, CancellationToken.None, limits);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var assembly = outcome.Assembly!;
        Assert.Equal(10, assembly.RowsRead);
        Assert.Equal(4, assembly.RowsAccepted);
        Assert.Equal(6, assembly.RowsRejected);
        var reasons = assembly.Rejections.ToDictionary(r => r.Row, r => r.Reason);
        Assert.Equal([3L, 4, 5, 6, 7, 10], reasons.Keys.Order());
        Assert.StartsWith("out-of-range member_ra_deg:", reasons[3]);
        Assert.StartsWith("missing-field member_redshift:", reasons[4]);
        Assert.StartsWith($"{CatalogueAssembler.InconsistentCluster} cluster_redshift:", reasons[5]);
        Assert.Equal(reasons[5], reasons[6]);
        Assert.Contains("unparseable", reasons[7]);
        Assert.StartsWith("out-of-range cluster_redshift:", reasons[10]);
        Assert.Equal(["A", "D"], assembly.Catalogues.Select(c => c.ClusterId));
        Assert.Equal("fallback-survey", assembly.Catalogues[1].Survey);
        Assert.Equal(new double?[] { 0.101, null }, assembly.Catalogues[0].Members.Select(m => m.Redshift));

        string report = output.ToString();
        Assert.Contains("10 rows, 4 accepted, 6 rejected", report);
        Assert.Contains("rejected      2 rows: inconsistent-cluster cluster_redshift", report);
        Assert.Contains("row 3 (cluster A): out-of-range member_ra_deg", report);
        Assert.Contains("published: 2 of 2 catalogues acknowledged, 0 failed", report);
        Assert.Contains("warning: survey 'sdss' has a magnitude limit m <= 17.77", report);
        Assert.Contains("2 of its 2 members (1 of 1 catalogues) have no magnitude", report);
        Assert.DoesNotContain("fallback-survey' has a magnitude limit", report);

        var published = broker.ReadCatalogues();
        CatalogueAssertions.SameSet(assembly.Catalogues, published.Select(p => p.Catalogue));
        var headers = published[0].Headers;
        Assert.Equal("catalogue", Encoding.UTF8.GetString(headers.GetLastBytes(MessageHeaders.SchemaName)));
        Assert.Equal("1.0", Encoding.UTF8.GetString(headers.GetLastBytes(MessageHeaders.SchemaVersion)));
        Assert.Equal(MessageHeaders.ArrowStreamContentType, Encoding.UTF8.GetString(headers.GetLastBytes(MessageHeaders.ContentType)));
    }

    [Fact]
    public async Task A_file_whose_rows_are_all_rejected_exits_non_zero_and_publishes_nothing()
    {
        using var broker = new BrokerFixture();
        string path = Path.Combine(_folder.FullName, "bad.csv");
        await File.WriteAllTextAsync(path, Header + "A,sdss,150.0,2.0,0.1,2026-03-20T21:00:00Z,150.01,95.0,0.101,,\n");

        var outcome = await FileCommand.RunAsync(path, broker.Kafka, Topics.Catalogues, null, new StringWriter(), CancellationToken.None);

        Assert.Equal(ExitCodes.NothingPublished, outcome.ExitCode);
        Assert.StartsWith("out-of-range member_dec_deg:", Assert.Single(outcome.Assembly!.Rejections).Reason);
        Assert.Null(outcome.Publish);
        Assert.Empty(broker.ReadCatalogues());
    }

    [Fact]
    public async Task Ingest_without_a_broker_says_how_to_give_one_and_exits_with_the_usage_code()
    {
        string path = Path.Combine(_folder.FullName, "any.csv");
        await File.WriteAllTextAsync(path, Header);
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = await IngestCommands.CreateRoot().Parse(["file", path]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--bootstrap host:port", error.ToString());
        Assert.Contains("services/broker", error.ToString());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
