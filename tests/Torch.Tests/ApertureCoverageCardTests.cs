using System.Text.Json.Nodes;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Torch.Tests;

/// <summary>
/// The aperture-coverage table in the card's training domain: a card with it round-trips through card.json and shows
/// it in card.md; a card without it (every card made before it existed) still loads and writes no such key.
/// Works on a copy of the shipped 2D bundle (its card and weight files only; no libtorch call).
/// </summary>
public sealed class ApertureCoverageCardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aperture-card-").FullName;

    public ApertureCoverageCardTests()
    {
        string shipped = ModelFolder.Resolve("models/mass-cnn-2d");
        var card = ModelBundle.ReadCard(shipped);
        File.Copy(Path.Combine(shipped, card.WeightsFile), Path.Combine(_folder, card.WeightsFile));
        if (card.PosteriorHead is { } head)
        {
            File.Copy(Path.Combine(shipped, head.WeightsFile), Path.Combine(_folder, head.WeightsFile));
        }

        File.Copy(Path.Combine(shipped, ModelBundle.CardFileName), Path.Combine(_folder, ModelBundle.CardFileName));
    }

    private static ApertureCoverage Table() => new(1.6, 1, 0.3111, 0.01,
        [
            new ApertureCoverageBin(11, 14, 0.03, 0.15, 612, 0.412, 1.013),
            new ApertureCoverageBin(15, 468, 0.03, 0.15, 3011, 0.705, 1.302),
        ],
        [
            new ApertureCoverageCheck(null, 5800, 0.0105, 0.021, 0),
            new ApertureCoverageCheck(0.63, 5100, 0.93, -0.41, -0.45),
        ]);

    [Fact]
    public void A_card_with_the_table_round_trips_and_renders_it()
    {
        var card = ModelBundle.ReadCard(_folder);
        var written = card with { TrainingDomain = card.TrainingDomain! with { ApertureCoverage = Table() } };

        ModelBundle.WriteCard(_folder, written);
        var read = ModelBundle.ReadCard(_folder);

        var coverage = Assert.IsType<ApertureCoverage>(read.TrainingDomain!.ApertureCoverage);
        Assert.Equal((1.6, 1, 0.3111, 0.01), (coverage.ApertureRadiusMpcOverH, coverage.MemberRank, coverage.OmegaM, coverage.FlagQuantile));
        Assert.Equal(Table().Bins, coverage.Bins);
        Assert.Equal(Table().Checks, coverage.Checks);
        Assert.Equal(card.TrainingDomain!.Richness, read.TrainingDomain.Richness);
        Assert.Equal(card.WeightsSha256, read.WeightsSha256);
        string markdown = File.ReadAllText(Path.Combine(_folder, ModelBundle.MarkdownFileName));
        Assert.Contains("### Aperture coverage (truncated field of view)", markdown);
        Assert.Contains("| 0.03-0.15 | 15-468 | 3011 | 0.705 | 1.302 |", markdown);
        Assert.Contains("| R < 0.63 h^-1 Mpc | 5100 | 93.0 % | -0.410 | -0.450 |", markdown);
    }

    [Fact]
    public void A_card_without_the_table_loads_with_none_and_is_written_without_the_key()
    {
        string path = Path.Combine(_folder, ModelBundle.CardFileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["training_domain"]!.AsObject().Remove("aperture_coverage");
        File.WriteAllText(path, json.ToJsonString());

        var card = ModelBundle.ReadCard(_folder);
        Assert.NotNull(card.TrainingDomain);
        Assert.Null(card.TrainingDomain.ApertureCoverage);

        ModelBundle.WriteCard(_folder, card);
        var rewritten = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.False(rewritten["training_domain"]!.AsObject().ContainsKey("aperture_coverage"));
        Assert.DoesNotContain("Aperture coverage", File.ReadAllText(Path.Combine(_folder, ModelBundle.MarkdownFileName)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
