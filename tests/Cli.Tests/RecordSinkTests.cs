using System.Collections;
using Apache.Arrow.Ipc;
using Parquet.Serialization;
using StreamProcessor.Contracts;
using StreamProcessor.SubscribeCli;
using StreamProcessor.SubscribeCli.Sinks;

namespace StreamProcessor.Cli.Tests;

/// <summary>
/// Every output format of `subscribe` takes a record of every topic schema: each schema's golden record
/// (schemas/&lt;name&gt;/&lt;version&gt;.golden.arrows) goes through the sink, and Parquet and Arrow read back to its values.
/// </summary>
public sealed class RecordSinkTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sinks-");

    public static TheoryData<string> Schemas => [.. CodecCatalog.Default.Entries.Select(e => e.Schema.Name)];

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Parquet_output_holds_every_column_of_the_golden_record(string schemaName)
    {
        var (entry, message, row) = Golden(schemaName);
        string path = Path.Combine(_folder.FullName, $"{schemaName}.parquet");

        await WriteAsync(RecordSinks.Create(OutputFormat.Parquet, path, entry, TextWriter.Null), row, message);

        var table = await ParquetSerializer.DeserializeUntypedAsync(File.OpenRead(path));
        var read = Assert.Single(table.Data);
        foreach (var (name, value) in row)
        {
            // Parquet.Net leaves null cells out of the row.
            switch (value)
            {
                case null:
                    Assert.Null(read.GetValueOrDefault(name));
                    break;
                case object?[] { Length: 0 }:
                    // Parquet.Net's untyped reader leaves an empty list out of the row, as it does a null cell.
                    Assert.Empty(((IEnumerable?)read.GetValueOrDefault(name))?.Cast<object?>() ?? []);
                    break;
                case object?[] list:
                    // A null number inside a list is written as NaN (see ParquetSink).
                    string? nullElement = IsStringList(entry, name) ? null : "NaN";
                    var back = ((IEnumerable)read[name]!).Cast<object?>().Select(e => e?.ToString()).ToList();
                    Assert.Equal(list.Select(e => e?.ToString() ?? nullElement).ToList(), back);
                    break;
                case DateTimeOffset time:
                    Assert.Equal(time.UtcDateTime, (DateTime)read[name]!);
                    break;
                default:
                    Assert.Equal(value, read[name]);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Arrow_csv_and_table_outputs_take_the_golden_record(string schemaName)
    {
        var (entry, message, row) = Golden(schemaName);
        string arrow = Path.Combine(_folder.FullName, $"{schemaName}.arrow");
        var csv = new StringWriter();
        var table = new StringWriter();

        await WriteAsync(RecordSinks.Create(OutputFormat.Arrow, arrow, entry, TextWriter.Null), row, message);
        await WriteAsync(RecordSinks.Create(OutputFormat.Csv, null, entry, csv), row, message);
        await WriteAsync(RecordSinks.Create(OutputFormat.Table, null, entry, table), row, message);

        await using var stream = File.OpenRead(arrow);
        using var reader = new ArrowFileReader(stream);
        using var batch = await reader.ReadNextRecordBatchAsync();
        Assert.Equal(1, batch.Length);
        Assert.Equal(entry.Contract.Fields.Select(f => f.Name), batch.Schema.FieldsList.Select(f => f.Name));
        var csvRows = SubscribeTests.ReadCsv(csv.ToString());
        // The schema's key field, not necessarily the Kafka key: sky-map 1.1 keys by object_id when a map has one.
        string keyField = row[entry.Contract.KeyField]!.ToString()!;
        Assert.Equal(keyField, Assert.Single(csvRows)[entry.Contract.KeyField]);
        Assert.Contains(keyField, table.ToString());
    }

    [Fact]
    public async Task A_table_of_posteriors_shows_the_headline_columns_and_names_the_others()
    {
        var (entry, message, row) = Golden("posterior");
        var table = new StringWriter();

        await WriteAsync(RecordSinks.Create(OutputFormat.Table, null, entry, table), row, message);

        string text = table.ToString();
        var header = text.Split('\n').First(line => line.Contains("object_id"));
        Assert.Equal(ColumnSelection.ForTable(entry.Contract), header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(((double)row["log10_m200c"]!).ToString("G6", System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.Contains("more columns (detection_time, model_name,", text);
        // The full posterior's 16-84 % interval from the record's quantiles, beside mean and sigma.
        var posterior = (Contracts.Messages.Posterior)message;
        int low = posterior.QuantileLevels!.ToList().IndexOf(0.16), high = posterior.QuantileLevels!.ToList().IndexOf(0.84);
        string interval = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{posterior.Quantiles![low]:G4}–{posterior.Quantiles[high]:G4}");
        Assert.Contains(CredibleInterval.Column, header);
        Assert.Equal(interval, CredibleInterval.Of(row));
        Assert.Contains(interval, text);
        Assert.Equal("", CredibleInterval.Of(entry.ToRow(posterior with { QuantileLevels = null, Quantiles = null })));
    }

    [Fact]
    public async Task A_table_of_parameter_posteriors_shows_the_first_parameters_as_mean_plus_minus_sigma()
    {
        var (entry, message) = ParameterPosterior("des-stack-007",
            ["Omega0", "sigma8", "WindEnergyIn1e51erg", "RadioFeedbackFactor", "n_s"],
            ["dimensionless", "dimensionless", "dex", "dex", "dimensionless"],
            [0.3123, 0.8071, 0.55, 0.1, 0.96], [0.0405, 0.031, 0.2, 0.3, 0.02]);
        var row = entry.ToRow(message);
        var table = new StringWriter();

        await WriteAsync(RecordSinks.Create(OutputFormat.Table, null, entry, table, topic: Topics.ParameterPosteriors), row, message);

        string text = table.ToString();
        var header = text.Split('\n').First(line => line.Contains("object_id"));
        Assert.Equal(ColumnSelection.ForTable(entry.Contract, Topics.ParameterPosteriors), header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(ParameterSummary.Column, header);
        Assert.DoesNotContain("log10_m200c", header);
        Assert.Equal("Omega0 0.312±0.041, sigma8 0.807±0.031, WindEnergyIn1e51erg 0.55±0.2, ... (+2 more)", ParameterSummary.Of(row));
        Assert.Contains("Omega0 0.312±0.041", text);
        Assert.Equal(["object_id", ParameterSummary.Column], ColumnSelection.Parse(entry.Contract, "object_id,parameters"));
    }

    [Fact]
    public async Task A_table_of_cgm_posteriors_shows_the_properties_and_the_serving_model_not_the_mass_columns()
    {
        var (entry, parameters) = ParameterPosterior("ngc-1",
            ["log_m_halo", "f_cgm", "log_z_cgm", "log_m_cgm_200kpc", "f_cool", "log_t_cgm"],
            ["dex(M_sun)", "dimensionless", "dex", "dex(M_sun)", "dimensionless", "dex(K)"],
            [12.71, 0.081, -2.35, 11.2, 0.31, 5.9], [0.18, 0.02, 0.15, 0.2, 0.1, 0.2]);
        var message = parameters with { ModelName = "cgm-xray-cnn" };
        var row = entry.ToRow(message);
        var table = new StringWriter();

        await WriteAsync(RecordSinks.Create(OutputFormat.Table, null, entry, table, topic: Topics.CgmPosteriors), row, message);

        string text = table.ToString();
        var header = text.Split('\n').First(line => line.Contains("object_id"));
        Assert.Equal(ColumnSelection.ForTable(entry.Contract, Topics.CgmPosteriors), header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("model_name", header);
        Assert.DoesNotContain("log10_m200c", header);
        Assert.Contains("log_m_halo 12.7±0.18", text); // three significant digits, as for posteriors.params
        Assert.Contains("cgm-xray-cnn", text);
    }

    /// <summary>The golden posterior turned into a parameter posterior (no mass columns, no quantiles) of one object.</summary>
    private static (CodecEntry Entry, Contracts.Messages.Posterior Message) ParameterPosterior(
        string objectId, string[] names, string[] units, double[] mean, double[] sigma)
    {
        var (entry, golden, _) = Golden("posterior");
        return (entry, (Contracts.Messages.Posterior)golden with
        {
            ObjectId = objectId,
            ParameterNames = names,
            ParameterUnits = units,
            Mean = mean,
            Sigma = sigma,
            QuantileLevels = null,
            Quantiles = null,
            Log10M200c = null,
            SigmaLog10M200c = null,
        });
    }

    [Fact]
    public async Task Chosen_columns_make_the_csv_in_their_order_and_files_refuse_them()
    {
        var (entry, message, row) = Golden("posterior");
        var csv = new StringWriter();
        var columns = ColumnSelection.Parse(entry.Contract, "log10_m200c, object_id");

        await WriteAsync(RecordSinks.Create(OutputFormat.Csv, null, entry, csv, columns), row, message);

        Assert.Equal(["log10_m200c,object_id", $"{CellText.Format(row["log10_m200c"])},{row["object_id"]}"], csv.ToString().TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')));
        Assert.Throws<ArgumentException>(() => RecordSinks.Create(OutputFormat.Parquet, "x.parquet", entry, TextWriter.Null, columns));
        var unknown = Assert.Throws<SubscribeException>(() => ColumnSelection.Parse(entry.Contract, "object_id,mass"));
        Assert.Contains("no column 'mass'", unknown.Message);
        Assert.Throws<SubscribeException>(() => ColumnSelection.Parse(entry.Contract, "object_id,object_id"));
    }

    private static bool IsStringList(CodecEntry entry, string field) =>
        entry.Contract.Fields.Single(f => f.Name == field).ArrowType is Apache.Arrow.Types.ListType { ValueDataType: Apache.Arrow.Types.StringType };

    private static async Task WriteAsync(IRecordSink sink, IReadOnlyDictionary<string, object?> row, object message)
    {
        await using (sink)
        {
            await sink.WriteAsync(row, message, CancellationToken.None);
            await sink.CompleteAsync(CancellationToken.None);
        }
    }

    private static (CodecEntry Entry, object Message, IReadOnlyDictionary<string, object?> Row) Golden(string schemaName)
    {
        var entry = CodecCatalog.Default.ForSchema(schemaName);
        string path = Path.Combine(RepositoryRoot(), "schemas", schemaName, $"{entry.Schema.Major}.{entry.Schema.Minor}.golden.arrows");
        var message = entry.Decode(File.ReadAllBytes(path));
        return (entry, message, entry.ToRow(message));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found above the test folder");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
