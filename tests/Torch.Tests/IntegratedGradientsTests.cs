using StreamProcessor.Torch.Inference;
using StreamProcessor.Torch.Models;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

public sealed class IntegratedGradientsTests
{
    // manual_seed is the first libtorch call here: the native runtime must be in place before it.
    public IntegratedGradientsTests() => Native.TorchRuntime.EnsureLoaded();

    [Fact]
    public void On_an_mlp_the_endpoints_match_predict_and_the_attributions_sum_to_the_change_of_the_mean()
    {
        manual_seed(11);
        var spec = NetworkSpec.Mlp(inputFeatures: 5, parameterCount: 2, hiddenWidths: [8], dropoutProbability: 0);
        using var model = new MomentModel(spec.CreateNetwork(), new ModelNormalisation(1, false, 1, [10, 0], [2, 1]), CPU);
        float[] input = [0.5f, -1.0f, 2.0f, 0.1f, 1.5f];
        float[] baseline = new float[5];

        var result = IntegratedGradients.Compute(model, input, baseline, parameter: 0, steps: 256);

        var direct = model.Predict([.. input, .. baseline], 2);
        Assert.Equal(direct.MeanOf(0), result.MeanAtInput, 1e-4);
        Assert.Equal(direct.MeanOf(1), result.MeanAtBaseline, 1e-4);
        Assert.True(result.CompletenessGap < 1e-3 * Math.Max(1, Math.Abs(result.MeanAtInput - result.MeanAtBaseline)), $"gap {result.CompletenessGap}");
    }

    [Fact]
    public void On_a_map_cnn_the_attributions_sum_to_the_change_of_the_mean_within_the_quadrature_error()
    {
        manual_seed(12);
        var spec = NetworkSpec.ForMaps(channels: 2, side: 32, pooling: 2, parameterCount: 3, baseChannels: 4, dropoutProbability: 0.1);
        using var model = new MomentModel(spec.CreateNetwork(), new ModelNormalisation(1, false, 1, [12, 0.1, -2], [0.8, 0.05, 0.3]), CPU);
        var random = new Random(4);
        var input = Enumerable.Range(0, spec.InputLength).Select(_ => (float)random.NextDouble() * 3).ToArray();
        var baseline = new float[spec.InputLength];

        var coarse = IntegratedGradients.Compute(model, input, baseline, parameter: 0, steps: 4);
        var fine = IntegratedGradients.Compute(model, input, baseline, parameter: 0, steps: 128);

        double change = Math.Abs(fine.MeanAtInput - fine.MeanAtBaseline);
        Assert.True(change > 1e-3, $"the mean must move for the test to mean anything ({change})");
        Assert.True(fine.CompletenessGap < 0.02 * change, $"gap {fine.CompletenessGap} for a change of {change}");
        Assert.True(fine.CompletenessGap <= coarse.CompletenessGap + 1e-6, $"more steps must not do worse ({fine.CompletenessGap} vs {coarse.CompletenessGap})");
    }
}
