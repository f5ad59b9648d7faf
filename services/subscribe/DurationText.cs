using System.Globalization;

namespace StreamProcessor.SubscribeCli;

/// <summary>Durations as users type them: "500ms", "10s", "2m", "1h", a bare number of seconds, or "hh:mm:ss".</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        text = text.Trim().ToLowerInvariant();
        (string number, double secondsPerUnit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value))
        {
            duration = TimeSpan.FromSeconds(value * secondsPerUnit);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }
}
