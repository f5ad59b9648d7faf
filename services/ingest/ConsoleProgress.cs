using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StreamProcessor.Ingestion.Publishing;

namespace StreamProcessor.IngestCli;

/// <summary>
/// Shows publishing progress: a Spectre.Console bar when the output is an interactive terminal, and plain log lines
/// always (at most one a second, plus the last), because Spectre draws nothing when output is redirected.
/// While the bar is live, lines go through Spectre's console so they print above the bar instead of through it.
/// </summary>
public static class ConsoleProgress
{
    public static async Task<PublishResult> RunAsync(TextWriter output, long total, Func<IProgress<PublishProgress>, Task<PublishResult>> publish)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!terminal) return await publish(new LineProgress(output.WriteLine));

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("publishing", maxValue: Math.Max(1, total));
                var lines = new LineProgress(line => AnsiConsole.WriteLine(line));
                return await publish(new SynchronousProgress(p =>
                {
                    task.Value = p.Completed;
                    lines.Report(p);
                }));
            });
    }

    /// <summary>"published 1200/3000: acknowledged 1180, failed 0", throttled to one line a second.</summary>
    private sealed class LineProgress(Action<string> writeLine) : IProgress<PublishProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan? _last;
        private bool _finishedShown;

        public void Report(PublishProgress value)
        {
            bool finished = value.Completed >= value.Total;
            if (finished ? _finishedShown : _last is { } last && _clock.Elapsed - last < TimeSpan.FromSeconds(1)) return;
            _finishedShown |= finished;
            _last = _clock.Elapsed;
            writeLine(string.Create(CultureInfo.InvariantCulture,
                $"progress: sent {value.Sent}/{value.Total}, acknowledged {value.Acknowledged}, failed {value.Failed}"));
        }
    }

    private sealed class SynchronousProgress(Action<PublishProgress> report) : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value) => report(value);
    }
}
