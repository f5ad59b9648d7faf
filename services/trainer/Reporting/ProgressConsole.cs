using Spectre.Console;

namespace StreamProcessor.Trainer.Reporting;

/// <summary>
/// Progress for long commands: a Spectre.Console bar when stdout is a terminal, and plain log lines always
/// (Spectre draws nothing when output is redirected, so CI logs and nohup files would otherwise show no progress).
/// </summary>
public static class ProgressConsole
{
    /// <summary>Runs <paramref name="work"/> with a progress sink for <paramref name="total"/> units.</summary>
    public static async Task<T> RunAsync<T>(string name, double total, TextWriter log, Func<ProgressSink, Task<T>> work)
    {
        if (System.Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new ProgressSink(name, total, log, bar: null));
        }
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask bar = context.AddTask(name, maxValue: total);
                return await work(new ProgressSink(name, total, log, bar));
            });
    }

    /// <summary>Runs a synchronous <paramref name="work"/> on the thread pool with a progress sink.</summary>
    public static Task<T> Run<T>(string name, double total, TextWriter log, Func<ProgressSink, T> work) =>
        RunAsync(name, total, log, sink => Task.Run(() => work(sink)));
}
