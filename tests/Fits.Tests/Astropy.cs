using System.Diagnostics;
using System.Text.Json;

namespace StreamProcessor.Fits.Tests;

/// <summary>
/// Runs the scripts in scripts/ with Debian's /usr/bin/python3 and python3-astropy, the independent FITS implementation
/// the reader and writer are checked against. A missing astropy fails the test (CI installs it); it never skips.
/// (A bare `python3` may be a pyenv shim without astropy, hence the absolute path.)
/// </summary>
internal static class Astropy
{
    public const string Python = "/usr/bin/python3";

    private const string Install = "install python3-astropy (apt-get install python3-astropy): the FITS tests compare against astropy";

    public static JsonElement Run(string script, params string[] arguments)
    {
        if (!File.Exists(Python)) Assert.Fail($"{Python} not found; {Install}");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scripts", script));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Python}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 3) Assert.Fail($"astropy is missing: {Install}. {stderr}");
        if (process.ExitCode != 0) Assert.Fail($"{script} exited with {process.ExitCode}: {stderr}");
        using var json = JsonDocument.Parse(stdout.Result);
        return json.RootElement.Clone();
    }

    /// <summary>Pixel values as astropy printed them: null → NaN.</summary>
    public static double[] Pixels(JsonElement described) =>
        [.. described.GetProperty("pixels").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())];

    public static void EqualPixels(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"pixel {i}: astropy reads NaN, we read {actual[i]}");
                continue;
            }

            // astropy scales 16-bit integers in float32; every fixture value is exact in float32, so the tolerance is tiny.
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1.0, Math.Abs(expected[i])),
                $"pixel {i}: astropy reads {expected[i]:R}, we read {actual[i]:R}");
        }
    }

    /// <summary>Angular agreement of two sky positions in degrees (RA compared across the 0/360 wrap).</summary>
    public static void EqualSky(double expectedRa, double expectedDec, double ra, double dec, double toleranceDeg, string what)
    {
        double dRa = Math.Abs(expectedRa - ra);
        dRa = Math.Min(dRa, 360 - dRa);
        Assert.True(dRa * Math.Cos(expectedDec * Math.PI / 180) <= toleranceDeg && Math.Abs(expectedDec - dec) <= toleranceDeg,
            $"{what}: astropy ({expectedRa:R}, {expectedDec:R}), we ({ra:R}, {dec:R})");
        Assert.InRange(ra, 0.0, 360.0 - double.Epsilon);
    }
}
