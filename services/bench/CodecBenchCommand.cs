using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.Ingestion.Demo;

namespace StreamProcessor.Bench;

/// <summary>
/// `bench codecs`: what one message costs on each side of the catalogue path, single-threaded — build the Arrow
/// row, validate it (Encode checks what Decode checks), write the IPC stream, decode it — for the catalogue and the
/// phase-space features records. These are the per-record costs every service pays besides its science.
/// </summary>
internal static class CodecBenchCommand
{
    public static Command Create()
    {
        var clusters = new Option<int>("--clusters") { Description = "Demo catalogues to encode and decode.", DefaultValueFactory = _ => 400 };
        var rounds = new Option<int>("--rounds") { Description = "Passes over the catalogues (the first is a warm-up).", DefaultValueFactory = _ => 6 };
        var command = new Command("codecs", "Per-record cost of building, validating, writing and decoding catalogue and features records.") { clusters, rounds };
        command.SetAction(parse => Run(parse.GetValue(clusters), parse.GetValue(rounds)));
        return command;
    }

    private static int Run(int clusters, int rounds)
    {
        var catalogues = DemoSurvey.Generate(clusters, 11).ToList();
        var step = new ExtractPhaseSpaceStep(Options.Create(new PhaseSpaceOptions()), TimeProvider.System);
        var inputs = catalogues.Select((c, i) => new StreamInput<ClusterCatalogue>(c, c.ClusterId, new SourcePosition("catalogues", 0, i), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)).ToList();
        var features = step.ProcessAsync(inputs, CancellationToken.None).Result.Select(r => ((StepResult<PhaseSpaceFeatures>.Emitted)r).Outputs[0]).ToList();
        Console.WriteLine($"bench codecs: {catalogues.Count} catalogues ({catalogues.Average(c => c.Members.Count):F0} members on average), {rounds - 1} timed passes, one thread");
        Report("catalogue", new ClusterCatalogueCodec(), catalogues, rounds);
        Report("phase-space features", new PhaseSpaceFeaturesCodec(), features, rounds);
        return 0;
    }

    private static void Report<T>(string name, ArrowMessageCodec<T> codec, IReadOnlyList<T> messages, int rounds)
        where T : class
    {
        var payloads = messages.Select(codec.Encode).ToArray();
        double build = 0, validate = 0, write = 0, encode = 0, decode = 0;
        for (int round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var t = new double[5];
            for (int i = 0; i < messages.Count; i++)
            {
                long start = Stopwatch.GetTimestamp();
                using var batch = codec.ToRecordBatch(messages[i]);
                long built = Stopwatch.GetTimestamp();
                codec.FromRecordBatch(batch);
                long validated = Stopwatch.GetTimestamp();
                ArrowIpc.Write(batch, codec.Limits);
                long written = Stopwatch.GetTimestamp();
                codec.Encode(messages[i]);
                long encoded = Stopwatch.GetTimestamp();
                codec.Decode(payloads[i]);
                long decoded = Stopwatch.GetTimestamp();
                t[0] += built - start;
                t[1] += validated - built;
                t[2] += written - validated;
                t[3] += encoded - written;
                t[4] += decoded - encoded;
            }

            if (round == 0) continue; // JIT and caches warm up
            build += t[0];
            validate += t[1];
            write += t[2];
            encode += t[3];
            decode += t[4];
        }

        double perMessageMs = 1000.0 / Stopwatch.Frequency / (messages.Count * (rounds - 1));
        Console.WriteLine($"{name,-22} {payloads.Average(p => p.Length) / 1024,6:F1} KiB   build {build * perMessageMs,6:F3}   validate {validate * perMessageMs,6:F3}   write {write * perMessageMs,6:F3}   = encode {encode * perMessageMs,6:F3} ms   decode {decode * perMessageMs,6:F3} ms");
    }
}
