using StreamProcessor.Plotting;

namespace StreamProcessor.Plotting.Tests;

public sealed class MapPlotsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "map-plots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void An_overlay_is_written_even_when_a_channel_has_no_attribution_at_all()
    {
        const int Side = 16;
        var map = Enumerable.Range(0, Side * Side).Select(i => 30f + (i % 7)).ToArray();
        var some = Enumerable.Range(0, Side * Side).Select(i => i == 40 ? 0.5f : 0f).ToArray();
        var none = new float[Side * Side];

        string path = MapPlots.AttributionOverlay(Path.Combine(_folder, "overlay.png"), "test", ["xray", "hi"], [map, map], [some, none], Side);
        string silent = MapPlots.AttributionOverlay(Path.Combine(_folder, "silent.png"), "test", ["xray"], [map], [none], Side);

        Assert.True(new FileInfo(path).Length > 5_000);
        Assert.True(new FileInfo(silent).Length > 5_000);
    }
}
