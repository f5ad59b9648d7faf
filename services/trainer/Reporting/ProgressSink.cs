using System.Diagnostics;
using Spectre.Console;

namespace StreamProcessor.Trainer.Reporting;

/// <summary>
/// Receives progress: moves the bar (if any) and writes a plain line at most every <see cref="LogInterval"/> or
/// when asked to. Thread-safe.
/// </summary>
public sealed class ProgressSink
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private readonly string _name;
    private readonly double _total;
    private readonly TextWriter _log;
    private readonly ProgressTask? _bar;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _lastLine = TimeSpan.Zero;

    internal ProgressSink(string name, double total, TextWriter log, ProgressTask? bar)
    {
        _name = name;
        _total = total;
        _log = log;
        _bar = bar;
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Sets progress to <paramref name="done"/> units; writes a line when the log interval has passed or <paramref name="forceLine"/>.</summary>
    public void Report(double done, string detail, bool forceLine = false)
    {
        lock (_gate)
        {
            if (_bar is not null) _bar.Value = done;
            TimeSpan now = _clock.Elapsed;
            if (!forceLine && now - _lastLine < LogInterval && done < _total) return;
            _lastLine = now;
            double fraction = _total > 0 ? done / _total : 1;
            string eta = fraction > 0 && fraction < 1 ? $", eta {TimeSpan.FromSeconds(now.TotalSeconds * (1 - fraction) / fraction):hh\\:mm\\:ss}" : string.Empty;
            Line($"[{_name}] {done:0}/{_total:0} ({100 * fraction:0.0}%) {detail}; elapsed {now:hh\\:mm\\:ss}{eta}");
        }
    }

    /// <summary>Writes one plain line (above the bar when one is drawn).</summary>
    public void Line(string text)
    {
        if (_bar is not null)
        {
            AnsiConsole.WriteLine(text);
        }
        else
        {
            _log.WriteLine(text);
            _log.Flush();
        }
    }
}
