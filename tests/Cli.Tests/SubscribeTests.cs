using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Confluent.Kafka;
using CsvHelper;
using Parquet.Serialization;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;
using StreamProcessor.SubscribeCli;

namespace StreamProcessor.Cli.Tests;

/// <summary>
/// One broker for the class: 20 demo catalogues published, then (after a pause) 20 more, so that replays by offset
/// and by time have a known answer.
/// </summary>
public sealed class SubscribeTests : IClassFixture<SubscribeTests.PublishedSurvey>, IDisposable
{
    private readonly PublishedSurvey _survey;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("subscribe-");

    public SubscribeTests(PublishedSurvey survey) => _survey = survey;

    [Fact]
    public async Task Reading_from_earliest_returns_every_catalogue_and_stops_at_the_end_offsets()
    {
        var (outcome, csv) = await RunCsvAsync(StartPosition.Earliest);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(40, outcome.Summary!.Read);
        Assert.True(outcome.Summary.ReachedEnd);
        Assert.Equal(_survey.All.Select(c => c.ClusterId).Order(), csv.Select(r => r["cluster_id"]).Order());
    }

    [Fact]
    public async Task Reading_from_a_timestamp_returns_only_the_records_produced_after_it()
    {
        var (outcome, csv) = await RunCsvAsync(new StartPosition(StartPosition.Kind.Timestamp, _survey.Between));

        Assert.Equal(20, outcome.Summary!.Matched);
        Assert.Equal(_survey.Second.Select(c => c.ClusterId).Order(), csv.Select(r => r["cluster_id"]).Order());
    }

    [Fact]
    public async Task Reading_until_a_timestamp_returns_only_the_records_produced_before_it()
    {
        var (outcome, csv) = await RunCsvAsync(StartPosition.Earliest, until: _survey.Between);

        Assert.Equal(20, outcome.Summary!.Matched);
        Assert.Equal(_survey.First.Select(c => c.ClusterId).Order(), csv.Select(r => r["cluster_id"]).Order());
    }

    [Fact]
    public async Task Filters_on_survey_mass_and_redshift_keep_exactly_the_matching_catalogues()
    {
        double massCut = _survey.All.Select(c => c.TrueLog10M200c!.Value).Order().ElementAt(25);
        var expectedMass = _survey.All.Where(c => c.TrueLog10M200c > massCut).Select(c => c.ClusterId).Order();
        var expectedRedshift = _survey.All.Where(c => c.Redshift is >= 0.05 and <= 0.1).Select(c => c.ClusterId).Order();

        var (_, bySurvey) = await RunCsvAsync(StartPosition.Earliest, filter: new FilterSettings(Survey: "DEMO"));
        var (_, otherSurvey) = await RunCsvAsync(StartPosition.Earliest, filter: new FilterSettings(Survey: "sdss"));
        var (_, byMass) = await RunCsvAsync(StartPosition.Earliest, filter: new FilterSettings(Log10MassAbove: massCut));
        var (_, byRedshift) = await RunCsvAsync(StartPosition.Earliest, filter: new FilterSettings(RedshiftMin: 0.05, RedshiftMax: 0.1));

        Assert.Equal(40, bySurvey.Count);
        Assert.Empty(otherSurvey);
        Assert.Equal(14, byMass.Count);
        Assert.Equal(expectedMass, byMass.Select(r => r["cluster_id"]).Order());
        Assert.Equal(expectedRedshift, byRedshift.Select(r => r["cluster_id"]).Order());
        Assert.All(byRedshift, r => Assert.InRange(double.Parse(r["redshift"], CultureInfo.InvariantCulture), 0.05, 0.1));
    }

    [Theory]
    [InlineData(Topics.MassFunction, "redshift")]
    [InlineData(Topics.Maps, "mass field")]
    public async Task A_filter_on_a_field_the_topic_lacks_is_refused_with_a_clear_message(string topic, string expected)
    {
        var filter = topic == Topics.MassFunction ? new FilterSettings(RedshiftMin: 0.1) : new FilterSettings(Log10MassAbove: 14);
        var settings = Settings(StartPosition.Earliest, topic: topic, filter: filter);

        var outcome = await SubscribeCommand.RunAsync(settings, new StringWriter(), new StringWriter());

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Null(outcome.Summary);
        Assert.Contains(expected, outcome.Error);
        Assert.Contains("has no", outcome.Error);
    }

    [Fact]
    public async Task Parquet_output_reads_back_with_the_published_values()
    {
        string path = Path.Combine(_folder.FullName, "catalogues.parquet");

        var outcome = await SubscribeCommand.RunAsync(Settings(StartPosition.Earliest, OutputFormat.Parquet, path), new StringWriter(), new StringWriter());

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var table = await ParquetSerializer.DeserializeUntypedAsync(File.OpenRead(path));
        Assert.Equal(40, table.Data.Count);
        foreach (var row in table.Data)
        {
            var expected = _survey.ById[(string)row["cluster_id"]!];
            Assert.Equal(expected.RaDeg, (double)row["ra_deg"]!);
            Assert.Equal(expected.TrueLog10M200c, (double?)row["true_log10_m200c"]);
            Assert.Equal(expected.Members.Select(m => m.VLosKmPerS!.Value), ((System.Collections.IEnumerable)row["member_v_los_km_per_s"]!).Cast<double>());
        }
    }

    [Fact]
    public async Task Arrow_output_is_an_ipc_file_with_the_topic_schema_and_the_published_values()
    {
        string path = Path.Combine(_folder.FullName, "catalogues.arrow");

        var outcome = await SubscribeCommand.RunAsync(Settings(StartPosition.Earliest, OutputFormat.Arrow, path), new StringWriter(), new StringWriter());

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        await using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        int rows = 0;
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                var ids = (StringArray)batch.Column("cluster_id");
                var redshift = (DoubleArray)batch.Column("redshift");
                var members = (ListArray)batch.Column("member_ra_deg");
                for (int i = 0; i < batch.Length; i++)
                {
                    var expected = _survey.ById[ids.GetString(i)];
                    Assert.Equal(expected.Redshift, redshift.GetValue(i));
                    Assert.Equal(expected.Members.Count, members.GetValueLength(i));
                }

                rows += batch.Length;
            }
        }

        Assert.Equal(40, rows);
        Assert.Equal("catalogue", reader.Schema.Metadata[MessageHeaders.SchemaName]);
    }

    [Fact]
    public async Task Max_stops_after_that_many_matching_records()
    {
        var (outcome, csv) = await RunCsvAsync(StartPosition.Earliest, max: 7);

        Assert.Equal(7, outcome.Summary!.Matched);
        Assert.Equal(7, csv.Count);
    }

    private async Task<(SubscribeOutcome Outcome, List<Dictionary<string, string>> Rows)> RunCsvAsync(
        StartPosition from, DateTimeOffset? until = null, FilterSettings? filter = null, long? max = null)
    {
        var output = new StringWriter();
        var settings = Settings(from, filter: filter) with { Until = until, Max = max, Format = OutputFormat.Csv };
        var outcome = await SubscribeCommand.RunAsync(settings, output, new StringWriter());
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        return (outcome, ReadCsv(output.ToString()));
    }

    internal static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    private SubscribeSettings Settings(StartPosition from, OutputFormat format = OutputFormat.Csv, string? outPath = null, string topic = Topics.Catalogues, FilterSettings? filter = null) =>
        new(topic, _survey.Broker.Kafka, from, null, null, IdleTimeout, filter ?? FilterSettings.None, format, outPath);

    /// <summary>
    /// These reads are bounded (they stop at the end offsets they found), so the idle timeout only ends a read that
    /// gets no record at all: a liveness bound, generous for a slow or single-core machine, not part of what is tested.
    /// </summary>
    internal static TimeSpan IdleTimeout { get; } = TimeSpan.FromSeconds(60);

    public void Dispose() => _folder.Delete(recursive: true);

    public sealed class PublishedSurvey : IAsyncLifetime
    {
        public BrokerFixture Broker { get; } = new();

        public IReadOnlyList<ClusterCatalogue> First { get; private set; } = [];

        public IReadOnlyList<ClusterCatalogue> Second { get; private set; } = [];

        public IReadOnlyList<ClusterCatalogue> All => [.. First, .. Second];

        public IReadOnlyDictionary<string, ClusterCatalogue> ById => All.ToDictionary(c => c.ClusterId);

        /// <summary>A time after every record of <see cref="First"/> and before every record of <see cref="Second"/>.</summary>
        public DateTimeOffset Between { get; private set; }

        public async Task InitializeAsync()
        {
            var survey = DemoSurvey.Generate(40, seed: 11);
            First = [.. survey.Take(20)];
            Second = [.. survey.Skip(20)];
            using var producer = new KafkaClientFactory(Broker.Kafka).CreateProducer();
            var publisher = new CataloguePublisher(producer);
            Assert.Equal(20, (await publisher.PublishAsync(First)).Acknowledged);
            // Record timestamps have millisecond resolution: leave clear gaps on both sides of the boundary.
            await Task.Delay(50);
            Between = DateTimeOffset.UtcNow;
            await Task.Delay(50);
            Assert.Equal(20, (await publisher.PublishAsync(Second)).Acknowledged);
        }

        public Task DisposeAsync()
        {
            Broker.Dispose();
            return Task.CompletedTask;
        }
    }
}
