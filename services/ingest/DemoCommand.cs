using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StreamProcessor.Ingestion.Connection;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Writing;
using StreamProcessor.Kafka;

namespace StreamProcessor.IngestCli;

/// <summary>
/// `ingest demo`: simulates a survey of mock clusters (<see cref="DemoSurvey"/>) and publishes it, or with
/// <c>--out file</c> writes it as a member-row CSV/Parquet/Arrow file for `ingest file`.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var clusters = new Option<int>("--clusters") { Description = "Number of cluster catalogues.", DefaultValueFactory = _ => 3000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed gives the same survey.", DefaultValueFactory = _ => 1UL };
        var survey = new Option<string>("--survey") { Description = "Survey name written on every catalogue.", DefaultValueFactory = _ => "demo" };
        var candidateMinimum = new Option<int>("--candidate-min-galaxies")
        {
            Description = "Publish every simulated candidate with at least this many observed galaxies; phase-space rejects those under its richness cut (11).",
            DefaultValueFactory = _ => DemoSurveyOptions.DemoCandidateMinimumGalaxies,
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write the survey to this .csv, .parquet or .arrow file instead of publishing." };
        var bootstrap = CommonOptions.Bootstrap();
        var topic = CommonOptions.Topic();
        var command = new Command("demo", "Publish (or write with --out) a simulated survey of mock clusters.") { clusters, seed, survey, candidateMinimum, output, bootstrap, topic };
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(clusters) < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--clusters must be at least 1");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(candidateMinimum) < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--candidate-min-galaxies must be at least 1 (a catalogue needs a member)");
                return ExitCodes.Usage;
            }

            var options = new DemoSurveyOptions { Clusters = parse.GetValue(clusters), Seed = parse.GetValue(seed), Survey = parse.GetRequiredValue(survey) }
                .WithMinimumCandidateGalaxies(parse.GetValue(candidateMinimum));
            var writer = parse.InvocationConfiguration.Output;
            KafkaOptions? kafka = null;
            if (parse.GetValue(output) is null)
            {
                kafka = CommandLineKafka.Resolve(parse.GetValue(bootstrap), "ingest");
                if (kafka is null)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(CommandLineKafka.NoBootstrapMessage + " Or write a file with --out demo.parquet.");
                    return ExitCodes.Usage;
                }
            }

            var outcome = await RunAsync(options, parse.GetValue(output)?.FullName, kafka, parse.GetRequiredValue(topic), writer, token);
            if (outcome.Error is not null) await parse.InvocationConfiguration.Error.WriteLineAsync(outcome.Error);
            return outcome.ExitCode;
        });
        return command;
    }

    /// <summary>Generates the survey, then writes it to <paramref name="outPath"/> when given, else publishes it through <paramref name="kafka"/>.</summary>
    public static async Task<IngestOutcome> RunAsync(
        DemoSurveyOptions options, string? outPath, KafkaOptions? kafka, string topic, TextWriter output, CancellationToken cancellationToken)
    {
        if (outPath is null && kafka is null) throw new ArgumentException("either an output file or Kafka options are needed", nameof(kafka));
        var clock = Stopwatch.StartNew();
        var catalogues = DemoSurvey.Generate(options, cancellationToken);
        long members = catalogues.Sum(c => (long)c.Members.Count);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"demo survey '{options.Survey}' (seed {options.Seed}): {catalogues.Count} clusters, {members} galaxies, simulated in {clock.Elapsed.TotalSeconds:F1} s"));

        if (outPath is not null)
        {
            try
            {
                await MemberTableWriter.WriteAsync(DemoSurvey.ToMemberRows(catalogues), outPath, cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                return new IngestOutcome(ExitCodes.Usage, Error: $"cannot write {outPath}: {e.Message}");
            }

            await output.WriteLineAsync($"wrote {members} member rows to {outPath}");
            return new IngestOutcome(ExitCodes.Success);
        }

        var result = await Publishing.CataloguesAsync(kafka!, catalogues, topic, output, cancellationToken);
        return new IngestOutcome(Publishing.ExitCodeOf(result), Publish: result,
            Error: result.Acknowledged == 0 ? "nothing was published: every delivery failed" : null);
    }
}
