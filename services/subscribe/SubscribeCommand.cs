using System.CommandLine;
using System.Globalization;
using StreamProcessor.Contracts;
using StreamProcessor.Ingestion.Connection;
using StreamProcessor.SubscribeCli.Sinks;

namespace StreamProcessor.SubscribeCli;

/// <summary>
/// `subscribe &lt;topic&gt;`: the reference client for downstream consumers. Replays a topic (or follows it), decodes
/// every record with the topic's schema, filters, and writes a table, CSV, Parquet or an Arrow IPC file. Data goes to
/// standard output (table, CSV) or --out; progress and the summary go to standard error.
/// </summary>
public static class SubscribeCommand
{
    public static RootCommand Create()
    {
        var topic = new Argument<string>("topic") { Description = $"Topic to read: {string.Join(", ", CodecCatalog.Default.Topics)} (or '<topic>.dlq')." };
        var bootstrap = new Option<string?>("--bootstrap") { Description = "Kafka bootstrap servers, host:port (default: the Kafka__BootstrapServers environment variable)." };
        var from = new Option<StartPosition>("--from")
        {
            Description = "Where to start: earliest, latest (new records only) or an ISO 8601 time such as 2026-03-21T02:00:00Z.",
            DefaultValueFactory = _ => StartPosition.Earliest,
            CustomParser = result => StartPosition.TryParse(result.Tokens[0].Value) ?? Fail<StartPosition>(result, $"--from '{result.Tokens[0].Value}' is not earliest, latest or an ISO 8601 time"),
        };
        var until = new Option<DateTimeOffset?>("--until")
        {
            Description = "Read records up to this ISO 8601 time (record timestamp, inclusive).",
            CustomParser = result => StartPosition.TryParseTime(result.Tokens[0].Value, out var t) ? t : Fail<DateTimeOffset?>(result, $"--until '{result.Tokens[0].Value}' is not an ISO 8601 time"),
        };
        var max = new Option<long?>("--max") { Description = "Stop after this many matching records." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "Stop when no record arrives for this long (e.g. 10s, 500ms, 2m).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
            CustomParser = result => DurationText.TryParse(result.Tokens[0].Value, out var d) ? d : Fail<TimeSpan>(result, $"--timeout '{result.Tokens[0].Value}' is not a positive duration such as 10s"),
        };
        var survey = new Option<string?>("--survey") { Description = "Keep records of this survey." };
        var massAbove = new Option<double?>("--mass-above") { Description = "Keep records with log10 M200c [h^-1 Msun] above this (posterior mean on posterior topics, true mass on mocks)." };
        var zMin = new Option<double?>("--z-min") { Description = "Keep records with redshift at or above this." };
        var zMax = new Option<double?>("--z-max") { Description = "Keep records with redshift at or below this." };
        var format = new Option<OutputFormat?>("--format") { Description = "table, csv, parquet or arrow (default: from the --out extension, else table)." };
        var output = new Option<FileInfo?>("--out") { Description = "Output file (needed for parquet and arrow)." };
        var columns = new Option<string?>("--columns")
        {
            Description = "Columns of a table or CSV, comma-separated (default: a table shows the topic's headline columns, CSV every column).",
        };
        var root = new RootCommand("Reads records of any StreamProcessor topic: replay by offset or time, filter, export.")
        {
            topic, bootstrap, from, until, max, timeout, survey, massAbove, zMin, zMax, format, output, columns,
        };
        root.SetAction(async (parse, token) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(max) is < 1)
            {
                await error.WriteLineAsync("--max must be at least 1");
                return ExitCodes.Usage;
            }

            var kafka = CommandLineKafka.Resolve(parse.GetValue(bootstrap), "subscribe");
            if (kafka is null)
            {
                await error.WriteLineAsync(CommandLineKafka.NoBootstrapMessage);
                return ExitCodes.Usage;
            }

            string? outPath = parse.GetValue(output)?.FullName;
            var chosen = parse.GetValue(format) ?? (outPath is null ? OutputFormat.Table : RecordSinks.FormatOf(outPath) ?? OutputFormat.Csv);
            var settings = new SubscribeSettings(
                parse.GetRequiredValue(topic), kafka, parse.GetRequiredValue(from), parse.GetValue(until), parse.GetValue(max), parse.GetValue(timeout),
                new FilterSettings(parse.GetValue(survey), parse.GetValue(massAbove), parse.GetValue(zMin), parse.GetValue(zMax)),
                chosen, outPath, parse.GetValue(columns));
            var outcome = await RunAsync(settings, parse.InvocationConfiguration.Output, error, cancellationToken: token);
            if (outcome.Error is not null) await error.WriteLineAsync(outcome.Error);
            return outcome.ExitCode;
        });
        return root;
    }

    /// <summary>Checks the request, reads, writes, and reports; a request that cannot be served returns <see cref="ExitCodes.Usage"/> with the reason.</summary>
    /// <param name="settings">The run.</param>
    /// <param name="standardOutput">Where table and CSV go without --out.</param>
    /// <param name="log">Progress and summary lines.</param>
    /// <param name="positioned">Called when every partition has its start offset (tests of --from latest wait for it).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<SubscribeOutcome> RunAsync(
        SubscribeSettings settings, TextWriter standardOutput, TextWriter log, Action? positioned = null, CancellationToken cancellationToken = default)
    {
        var catalog = CodecCatalog.Default;
        CodecEntry entry;
        RecordFilter filter;
        IRecordSink sink;
        try
        {
            entry = TopicReader.EntryFor(catalog, settings.Topic);
            filter = RecordFilter.Create(entry.Contract, settings.Filter);
            var columns = settings.Columns is { } list ? ColumnSelection.Parse(entry.Contract, list) : null;
            sink = RecordSinks.Create(settings.Format, settings.OutPath, entry, standardOutput, columns, settings.Topic);
        }
        catch (Exception e) when (e is SubscribeException or FilterException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return new SubscribeOutcome(ExitCodes.Usage, Error: e.Message);
        }

        await using (sink)
        {
            SubscribeSummary summary;
            try
            {
                summary = await TopicReader.ReadAsync(settings, catalog, filter, sink, log.WriteLine, positioned, cancellationToken);
            }
            catch (SubscribeException e)
            {
                return new SubscribeOutcome(ExitCodes.Usage, Error: e.Message);
            }

            await sink.CompleteAsync(cancellationToken);
            string written = settings.OutPath is null ? "" : $"; wrote {settings.Format.ToString().ToLowerInvariant()} to {settings.OutPath}";
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"done: read {summary.Read}, matched {summary.Matched}, undecodable {summary.Undecodable}{written}"));
            foreach (var reason in summary.UndecodableByReason.OrderByDescending(r => r.Value.Count))
            {
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  undecodable {reason.Value.Count,6}: {reason.Key}, e.g. {reason.Value.Example}"));
            }

            bool incomplete = summary.TimedOut && settings.From.From != StartPosition.Kind.Latest;
            return new SubscribeOutcome(incomplete ? ExitCodes.Incomplete : ExitCodes.Success, summary,
                incomplete ? "stopped on the idle timeout before the end offsets captured at start; raise --timeout" : null);
        }
    }

    private static T Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
