using System.CommandLine;
using StreamProcessor.Ingestion.Catalogues;
using StreamProcessor.Ingestion.Connection;
using StreamProcessor.Ingestion.Tables;
using StreamProcessor.Kafka;

namespace StreamProcessor.IngestCli;

/// <summary>
/// `ingest file &lt;path&gt;`: reads member rows from CSV, Parquet or Arrow, assembles and validates catalogues with
/// the production codec, reports the rejected rows grouped by reason, and publishes the rest.
/// </summary>
public static class FileCommand
{
    public static Command Create()
    {
        var path = new Argument<FileInfo>("path") { Description = "Member-row table: .csv, .parquet or .arrow (one row per member galaxy)." };
        var bootstrap = CommonOptions.Bootstrap();
        var topic = CommonOptions.Topic();
        var survey = new Option<string?>("--survey") { Description = "Survey name for rows whose survey column is empty." };
        var phaseSpaceConfig = new Option<FileInfo?>("--phase-space-config")
        {
            Description = $"The phase-space service's settings, for its magnitude limits (default: {MagnitudeLimits.DefaultConfigPath} when found).",
        };
        var command = new Command("file", "Publish the catalogues of a CSV, Parquet or Arrow member-row file.") { path, bootstrap, topic, survey, phaseSpaceConfig };
        command.SetAction(async (parse, token) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var kafka = CommandLineKafka.Resolve(parse.GetValue(bootstrap), "ingest");
            if (kafka is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(CommandLineKafka.NoBootstrapMessage);
                return ExitCodes.Usage;
            }

            MagnitudeLimits? limits;
            try
            {
                limits = MagnitudeLimits.Find(parse.GetValue(phaseSpaceConfig)?.FullName);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"cannot read the phase-space settings: {e.Message}");
                return ExitCodes.Usage;
            }

            var outcome = await RunAsync(parse.GetRequiredValue(path).FullName, kafka, parse.GetRequiredValue(topic), parse.GetValue(survey), output, token, limits);
            if (outcome.Error is not null) await parse.InvocationConfiguration.Error.WriteLineAsync(outcome.Error);
            return outcome.ExitCode;
        });
        return command;
    }

    /// <summary>
    /// Reads, validates, reports and publishes; bad rows never throw. With <paramref name="limits"/> (the phase-space
    /// profiles' magnitude limits) it also warns about members without magnitudes under a limit.
    /// </summary>
    public static async Task<IngestOutcome> RunAsync(
        string path, KafkaOptions kafka, string topic, string? survey, TextWriter output, CancellationToken cancellationToken, MagnitudeLimits? limits = null)
    {
        var (rows, parseRejections, error) = await InputTable.ReadAsync(path, MemberTable.ReadAsync, cancellationToken);
        if (error is not null) return new IngestOutcome(ExitCodes.Usage, Error: error);

        var assembler = new CatalogueAssembler();
        var assembled = assembler.Assemble(rows, survey, CatalogueAssembler.RowNumbersAfterParse(rows.Count, parseRejections));
        var assembly = assembled with
        {
            Rejections = [.. parseRejections.Concat(assembled.Rejections).OrderBy(r => r.Row)],
            RowsRead = assembled.RowsRead + parseRejections.Count,
        };
        await RowReport.WriteAsync(output, path, (assembly.RowsRead, assembly.RowsAccepted, assembly.RowsRejected),
            $"{assembly.Catalogues.Count} catalogues", assembly.Rejections, "cluster");
        foreach (string warning in limits is null ? [] : MissingMagnitudeWarning.For(assembly.Catalogues, limits))
        {
            await output.WriteLineAsync(warning);
        }

        if (assembly.Catalogues.Count == 0)
        {
            return new IngestOutcome(ExitCodes.NothingPublished, assembly, Error: "nothing to publish: every row was rejected");
        }

        var result = await Publishing.CataloguesAsync(kafka, assembly.Catalogues, topic, output, cancellationToken);
        return new IngestOutcome(Publishing.ExitCodeOf(result), assembly, result,
            result.Acknowledged == 0 ? "nothing was published: every delivery failed" : null);
    }
}
