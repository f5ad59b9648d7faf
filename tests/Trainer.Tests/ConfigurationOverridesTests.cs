using StreamProcessor.Trainer.Profiles;

namespace StreamProcessor.Trainer.Tests;

public sealed class ConfigurationOverridesTests
{
    [Fact]
    public void Parsed_entries_replace_only_their_keys()
    {
        var configuration = new Dictionary<string, double> { ["layers"] = 4, ["width"] = 502, ["dropout"] = 0.066 };
        var applied = ConfigurationOverrides.Apply(configuration, ConfigurationOverrides.Parse(["dropout=0", "width = 1e3"]));

        Assert.Equal(0.0, applied["dropout"]);
        Assert.Equal(1000.0, applied["width"]);
        Assert.Equal(4.0, applied["layers"]);
        Assert.Equal(0.066, configuration["dropout"]);
        Assert.Equal(ConfigurationOverrides.DefaultBatchSize, applied[ConfigurationOverrides.BatchSizeKey]);
    }

    [Fact]
    public void The_batch_size_is_overridden_like_any_key()
    {
        var configuration = new Dictionary<string, double> { ["layers"] = 4, [ConfigurationOverrides.BatchSizeKey] = 128 };
        var applied = ConfigurationOverrides.Apply(configuration, ConfigurationOverrides.Parse(["batch_size=1024"]));

        Assert.Equal(1024.0, applied[ConfigurationOverrides.BatchSizeKey]);
        Assert.Equal(128.0, ConfigurationOverrides.Apply(configuration, new Dictionary<string, double>())[ConfigurationOverrides.BatchSizeKey]);
    }

    [Theory]
    [InlineData("dropout")]
    [InlineData("dropout=abc")]
    [InlineData("dropout=NaN")]
    [InlineData("depth=3")]
    [InlineData("batch_size=1")]
    [InlineData("batch_size=256.5")]
    public void Malformed_entries_are_refused(string entry) =>
        Assert.Throws<ArgumentException>(() => ConfigurationOverrides.Parse([entry]));

    [Fact]
    public void A_key_set_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => ConfigurationOverrides.Parse(["width=64", "width=128"]));
}
