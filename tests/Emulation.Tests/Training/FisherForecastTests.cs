using MathNet.Numerics.LinearAlgebra;
using StreamProcessor.Emulation.Training;

namespace StreamProcessor.Emulation.Tests.Training;

public sealed class FisherForecastTests
{
    [Fact]
    public void One_informative_direction_gives_the_closed_form_forecast()
    {
        // One parameter moves one value by a (log10 per unit cube): r² = (a/σ)² / ((a/σ)² + 12).
        const double a = 0.5;
        const double error = 0.05;
        var j = Matrix<double>.Build.Dense(3, 2);
        j[0, 0] = a;
        double[] r = FisherForecast.ForecastR([j], error);
        double snr2 = Math.Pow(a / (error / Math.Log(10)), 2);
        Assert.Equal(Math.Sqrt(snr2 / (snr2 + 12)), r[0], 12);
        Assert.Equal(0.0, r[1], 12);
        Assert.Equal(1, FisherForecast.NumericalRank(j));
    }

    [Fact]
    public void Degenerate_parameters_are_constrained_only_along_their_sum()
    {
        // Two parameters with the same effect: the data fix their sum, so each alone correlates at most 1/√2.
        var same = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1 }, { 2, 2 } });
        var distinct = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 2 } });
        double[] degenerate = FisherForecast.ForecastR([same], 1e-4);
        double[] resolved = FisherForecast.ForecastR([distinct], 1e-4);
        Assert.Equal(1, FisherForecast.NumericalRank(same));
        Assert.Equal(2, FisherForecast.NumericalRank(distinct));
        Assert.All(degenerate, r => Assert.Equal(Math.Sqrt(0.5), r, 3));
        Assert.All(resolved, r => Assert.True(r > 0.999));
    }

    [Fact]
    public void A_pca_emulator_cannot_have_more_directions_than_components()
    {
        var emulator = ProfileEmulator.Fit(CamelsData.Dataset, [.. Enumerable.Range(0, 60)], new EmulatorFitOptions { MaxComponents = 2, MaxIterations = 15 });
        var report = FisherForecast.Run(emulator, 8, 13.2, 13.8, [0.01, 0.1]);
        Assert.Equal(8, report.Components);
        Assert.Equal(150, report.Outputs);
        Assert.InRange(report.MaxRank, 1, report.Components);
        Assert.Equal(28, report.ParameterNames.Count);
        for (int p = 0; p < 28; p++)
        {
            Assert.InRange(report.Forecasts[1].R[p], 0.0, report.Forecasts[0].R[p] + 1e-12);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => FisherForecast.Run(emulator, 4, 13.2, 13.8, [0.0]));
    }
}
