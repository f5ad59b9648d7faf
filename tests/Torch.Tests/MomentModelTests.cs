namespace StreamProcessor.Torch.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class MomentModelTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Batched_predict_equals_one_at_a_time_predict()
    {
        var model = fixture.Result.Model;
        int count = 40;
        var inputs = fixture.Data.Inputs[..(count * model.InputLength)];

        var batched = model.Predict(inputs, count, maxBatch: 16);
        for (int i = 0; i < count; i++)
        {
            var single = model.Predict(inputs.Slice(i * model.InputLength, model.InputLength), 1);
            // A tolerance, not rounding to 5 places: float32 batches differ from single images by ~1e-7, and rounding
            // flips on a value that straddles a 5e-6 boundary (0.998875007 against 0.998874961 failed once).
            Assert.Equal(single.Mean[0], batched.MeanOf(i), 1e-5);
            Assert.Equal(single.Sigma[0], batched.SigmaOf(i), 1e-5);
        }
    }

    [Fact]
    public void Predictions_are_in_physical_units_with_positive_sigma()
    {
        var model = fixture.Result.Model;
        int[] rows = fixture.Result.Split.Test;
        var inputs = new float[rows.Length * model.InputLength];
        fixture.Data.GatherInputs(rows, inputs);

        var predictions = model.Predict(inputs, rows.Length);

        // Targets are log10 of widths in [2, 10] pixels, i.e. in [0.30, 1.0].
        Assert.All(predictions.Mean, m => Assert.InRange(m, 0.0, 1.3));
        Assert.All(predictions.Sigma, s => Assert.True(s > 0));
    }

    [Fact]
    public void Predict_refuses_a_span_of_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => fixture.Result.Model.Predict(new float[100], 1));
    }
}
