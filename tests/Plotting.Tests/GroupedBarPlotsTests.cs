using StreamProcessor.Plotting;

namespace StreamProcessor.Plotting.Tests;

public sealed class GroupedBarPlotsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grouped-bars-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Writes_a_png_with_one_bar_group_per_category_and_skips_missing_values()
    {
        string path = GroupedBarPlots.Write(Path.Combine(_folder, "sub", "ordering.png"), "ordering", ["sub-L*", "L*", "groups"],
            ["xray", "hi", "xray+hi"], [[0.9, 0.4, 0.1], [0.3, double.NaN, 0.2], [0.2, 0.15, 0.08]], "RMSE, dex");

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        Assert.True(bytes.Length > 5_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Values_that_do_not_match_the_series_and_categories_are_refused()
    {
        Assert.Throws<ArgumentException>(() => GroupedBarPlots.Write(Path.Combine(_folder, "x.png"), "t", ["a", "b"], ["s"], [[1.0]], "y"));
    }
}
