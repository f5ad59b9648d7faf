using StreamProcessor.Torch.Training;

namespace StreamProcessor.Torch.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class SigmaCalibrationTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Calibrated_sigmas_cover_68_percent_of_the_rows_they_were_fitted_on_and_round_trip_a_refit()
    {
        var model = fixture.Result.Model;
        var rows = fixture.Result.Split.Validation;
        Assert.Null(model.Normalisation.SigmaScale);
        try
        {
            double[] scales = SigmaCalibration.Fit(fixture.Data, model, rows);
            Assert.Single(scales);
            Assert.True(scales[0] > 0);

            model.CalibrateSigmas(scales);
            var inputs = new float[rows.Length * fixture.Data.InputLength];
            fixture.Data.GatherInputs(rows, inputs);
            var predictions = model.Predict(inputs, rows.Length);
            int covered = Enumerable.Range(0, rows.Length).Count(i => Math.Abs(fixture.Data.Target(rows[i])[0] - predictions.MeanOf(i)) <= predictions.SigmaOf(i) * (1 + 1e-9));
            // The 68.27 % quantile of |z| on these rows: at least 68.27 % lie within 1 sigma, and at most one row more.
            Assert.InRange(covered, (int)Math.Floor(SigmaCalibration.OneSigmaMass * rows.Length), (int)Math.Ceiling(SigmaCalibration.OneSigmaMass * rows.Length) + 1);

            // Refitting an already calibrated model gives the same factors, not their square.
            Assert.Equal(scales[0], SigmaCalibration.Fit(fixture.Data, model, rows)[0], 6);
        }
        finally
        {
            model.CalibrateSigmas(null);
        }
    }

    [Fact]
    public void Sigma_scales_must_match_the_parameters_and_be_positive()
    {
        var n = fixture.Result.Model.Normalisation;
        Assert.Throws<ArgumentException>(() => (n with { SigmaScale = [1.0, 2.0] }).Validated(1));
        Assert.Throws<ArgumentException>(() => (n with { SigmaScale = [0.0] }).Validated(1));
        Assert.Equal([1.5], (n with { SigmaScale = [1.5] }).Validated(1).SigmaScale!);
    }
}
