using System.Text.Json.Nodes;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Torch.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class ModelBundleTests(TrainedModelFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mass-bundle-").FullName;

    private ModelCard SaveBundle() => ModelBundle.Save(
        _folder,
        fixture.Result.Model,
        ModelCard.FromTraining("synthetic-width-cnn", "0.1.0", "Synthetic Gaussian images, 150 groups x 2", ["log10_width"], fixture.Result, fixture.Options));

    private float[] TestInputs(out int count)
    {
        int[] rows = fixture.Result.Split.Test;
        count = rows.Length;
        var inputs = new float[count * fixture.Data.InputLength];
        fixture.Data.GatherInputs(rows, inputs);
        return inputs;
    }

    [Fact]
    public void Save_then_load_gives_identical_predictions()
    {
        var card = SaveBundle();
        float[] inputs = TestInputs(out int count);
        var before = fixture.Result.Model.Predict(inputs, count);

        using var bundle = ModelBundle.Load(_folder);
        var after = bundle.Model.Predict(inputs, count);

        Assert.Equal(before.Mean, after.Mean);
        Assert.Equal(before.Sigma, after.Sigma);
        Assert.Equal(card.WeightsSha256, bundle.Card.WeightsSha256);
        Assert.Equal(64, bundle.Card.WeightsSha256.Length);
        Assert.Equal(fixture.Result.Model.Normalisation.TargetMean, bundle.Card.Normalisation.TargetMean);
        Assert.Equal([1, 48, 48], bundle.Card.InputShape);
    }

    [Fact]
    public void Tampered_weights_are_rejected_by_the_card_check()
    {
        var card = SaveBundle();
        string weights = Path.Combine(_folder, card.WeightsFile);
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(weights, bytes);

        var error = Assert.Throws<ModelCardException>(() => ModelBundle.Load(_folder));
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void Unknown_architecture_and_other_major_code_versions_are_rejected()
    {
        SaveBundle();
        string cardPath = Path.Combine(_folder, ModelBundle.CardFileName);
        var json = JsonNode.Parse(File.ReadAllText(cardPath))!;

        json["architecture"]!["architecture_id"] = "mass-cnn-9d-v7";
        File.WriteAllText(cardPath, json.ToJsonString());
        Assert.Contains("Unknown architecture", Assert.Throws<ModelCardException>(() => ModelBundle.Load(_folder)).Message);

        json["architecture"]!["architecture_id"] = "mass-cnn-2d-v1";
        json["code_version"] = "999.0.0";
        File.WriteAllText(cardPath, json.ToJsonString());
        Assert.Contains("major versions differ", Assert.Throws<ModelCardException>(() => ModelBundle.Load(_folder)).Message);
    }

    [Fact]
    public void Card_renders_as_markdown_with_open_slots_marked()
    {
        var card = SaveBundle() with
        {
            Metrics = new ModelMetrics("test", new Dictionary<string, ParameterMetrics>
            {
                ["log10_width"] = new(60, 0.05, 0.001, 0.95, 0.04, 1.1, 0.66, 0.98),
            }),
        };

        string markdown = ModelCardMarkdown.Render(card);

        Assert.StartsWith("# synthetic-width-cnn 0.1.0", markdown);
        Assert.Contains("| log10_width | 60 | 0.05 |", markdown);
        Assert.Contains("## Calibration\n\nNot evaluated yet.", markdown.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Path.Combine(_folder, ModelBundle.MarkdownFileName)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
