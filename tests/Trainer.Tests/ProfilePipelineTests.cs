using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Trainer.Profiles;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// A tiny end-to-end run of the stacked-profile branch on the real CAMELS-zoomGZ28 subset (emulate a few halos → a
/// two-trial search and a short training on a few hundred emulated stacks → evaluate): the plumbing, not the science.
/// Asserts only what holds on any CPU.
/// </summary>
public sealed class ProfilePipelineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"profile-tests-{Guid.NewGuid():N}");

    private static string CamelsFolder => Path.Combine(RepoRoot(), "..", "shared", "data", "camels-zoomgz28");

    [Fact]
    public async Task Emulate_train_and_evaluate_produce_cards_metrics_and_plots()
    {
        string emulator = Path.Combine(_root, "emulator");
        string model = Path.Combine(_root, "model");
        var log = new StringWriter();

        Assert.Equal(0, EmulateCommand.Run(CamelsFolder, emulator, 5, new EmulatorFitOptions { MaxComponents = 2, MaxIterations = 3 }, log, halos: 80));
        var emulatorCard = EmulatorCard.Load(emulator);
        Assert.NotEmpty(emulatorCard.TestZoomIds);
        Assert.Empty(emulatorCard.TestZoomIds.Intersect(emulatorCard.EmulatorZoomIds));
        Assert.Equal(5, emulatorCard.CrossValidation.Count);
        Assert.Contains("Cross-validation over held-out pairs", File.ReadAllText(Path.Combine(emulator, EmulatorCard.MarkdownFileName)));

        // Two components per kind: the emulated profiles move along at most 8 directions of the 28-parameter space.
        var forecast = emulatorCard.Forecast!;
        Assert.Equal(8, forecast.Components);
        Assert.InRange(forecast.MaxRank, 1, 8);
        Assert.Equal(EmulateCommand.ForecastErrors.Count, forecast.Forecasts.Count);
        Assert.Contains("Fisher forecast", File.ReadAllText(Path.Combine(emulator, EmulatorCard.MarkdownFileName)));
        var forecastLog = new StringWriter();
        Assert.Equal(0, ForecastCommand.Run(emulator, 16, [0.05], forecastLog));
        Assert.Contains("for 28 parameters, 8 principal components", forecastLog.ToString());

        // The emulator's stated uncertainty: cross-validated on its own halos (which sets the inflation it keeps), then
        // checked on its test halos; in the card and recomputed for an existing emulator.
        Assert.Equal(4, emulatorCard.UncertaintyCalibration!.Count);
        Assert.All(emulatorCard.UncertaintyCalibration, k => Assert.Equal(emulatorCard.TestZoomIds.Length, k.Halos));
        Assert.All(emulatorCard.UncertaintyCalibration, k => Assert.NotNull(k.WithInflatedError));
        Assert.All(emulatorCard.CrossValidationCalibration!, k => Assert.Equal(emulatorCard.EmulatorZoomIds.Length, k.Halos));
        Assert.True(EmulatorModel.Load(emulator).IsCalibrated);
        var calibrationLog = new StringWriter();
        Assert.Equal(0, CalibrateEmulatorCommand.Run(emulator, CamelsFolder, calibrationLog));
        Assert.Contains($"profiles calibrate-emulator: {emulatorCard.TestZoomIds.Length} test halos", calibrationLog.ToString());
        Assert.Equal(emulatorCard.UncertaintyCalibration[0].NoiseOnly, EmulatorCard.Load(emulator).UncertaintyCalibration![0].NoiseOnly);
        Assert.Equal(emulatorCard.CrossValidationCalibration![0].WithEmulatorError, EmulatorCard.Load(emulator).CrossValidationCalibration![0].WithEmulatorError);
        string emulatorMarkdown = File.ReadAllText(Path.Combine(emulator, EmulatorCard.MarkdownFileName));
        Assert.Contains("5-fold cross-validation over held-out pairs of the emulator's", emulatorMarkdown);
        Assert.Contains("mean z², inflated", emulatorMarkdown);

        // Networks trained before the inflation rebuild their stacks from the variance as fitted.
        var uncalibrated = new ProfileTrainingRecord(emulator, 10, 0.1, 9, ["n_gas"], 1.0, true, []) { HalosPerStack = 1, EmulatorError = true };
        Assert.False(uncalibrated.LoadEmulator(emulator).Model.IsCalibrated);
        Assert.Equal("-emulator-error", uncalibrated.EmulatorErrorSuffix());

        var record = new ProfileTrainingRecord(emulator, 400, 0.1, 9, ["n_gas", "y"], 1.0, true, [])
        {
            FreshNoise = true, HalosPerStack = 1, EmulatorError = true, CalibratedEmulatorError = true, MaxHalosPerStack = 30,
        };
        Assert.True(record.LoadEmulator(emulator).Model.IsCalibrated);
        Assert.Equal(0, await ProfileTrainCommand.RunAsync(emulator, model, record, new SearchSettings(Trials: 2, Stacks: 300, Epochs: 1), epochs: 2, seed: 3, threads: 1, log,
            overrides: ConfigurationOverrides.Parse(["dropout=0"])));
        Assert.Equal(0, ProfileEvaluateCommand.Run(model, CamelsFolder, null, log));

        ModelCard card = ModelBundle.ReadCard(model);
        Assert.Equal(28, card.ParameterNames.Count);
        Assert.Equal("Omega0", card.ParameterNames[0]);
        Assert.Contains("log10_WindEnergyIn1e51erg", card.ParameterNames);
        Assert.Equal(28, card.Parameters!.Count);
        Assert.Equal(2, card.HyperparameterSearch!.Trials.Count);
        Assert.Equal(0.0, card.Architecture.DropoutProbability);
        var trained = ProfileTrainingRecord.Load(model);
        Assert.Equal(0.0, trained.Overrides!["dropout"]);
        Assert.True(trained.FreshNoise);
        Assert.Contains("drawn afresh for every training batch", card.TrainingData, StringComparison.Ordinal);
        Assert.Equal((1, 30), (trained.HalosPerStack, trained.MaxHalosPerStack));
        Assert.True(trained.EmulatorError && trained.CalibratedEmulatorError);
        Assert.EndsWith("-halos1-30-emulator-error-calibrated", card.ModelVersion, StringComparison.Ordinal);
        Assert.Contains("each one draw of 1-30 halo(s) (size log-uniform, an input) with the emulator's halo-to-halo scatter and its predictive uncertainty " +
            "(calibrated by cross-validation: variance inflation and heavy-tailed halo scatter)",
            card.TrainingData, StringComparison.Ordinal);
        // The test stacks are also scored per range of stack size (1, 2-9, 10-30), each range with enough stacks.
        Assert.Contains(card.AdditionalMetrics!, m => m.Split.StartsWith("emulated test stacks, stack size ", StringComparison.Ordinal));
        Assert.Equal(ConfigurationOverrides.Keys.Order(), trained.Configuration!.Keys.Order());
        Assert.Equal(1, card.TrainingMachine!.IntraOpThreads);
        Assert.Equal(28, card.Metrics!.PerParameter.Count);
        Assert.Contains(card.AdditionalMetrics!, m => m.Split.StartsWith("real held-out CAMELS halos", StringComparison.Ordinal));
        Assert.Contains(card.AdditionalMetrics!, m => m.Split.Contains("40 % noise", StringComparison.Ordinal));
        Assert.All(card.Metrics.PerParameter.Values, m => Assert.True(double.IsFinite(m.Rmse)));
        Assert.Equal(28, card.Normalisation.SigmaScale!.Count);
        Assert.All(card.Normalisation.SigmaScale, s => Assert.True(s > 0));
        Assert.Contains("Sigma scale", File.ReadAllText(Path.Combine(model, ModelBundle.MarkdownFileName)));

        var layout = System.Text.Json.JsonSerializer.Deserialize<ProfileLayout>(File.ReadAllText(Path.Combine(model, ProfileLayout.FileName)), ModelBundle.JsonOptions)!;
        Assert.Equal([ProfileKind.GasDensity, ProfileKind.ComptonY], layout.Kinds);
        Assert.True(layout.IncludeLog10StackedObjects);
        Assert.Equal("log10_stacked_objects", card.FeatureDomain!.FeatureNames[^1]);
        Assert.Equal(0, card.FeatureDomain.Ranges[^1].Min);
        Assert.Equal(layout.FeatureCount, card.FeatureDomain!.Ranges.Count);
        Assert.Equal(layout.FeatureCount, card.Architecture.InputFeatures);
        Assert.InRange(card.Architecture.WhitenedInputs!.Value, 1, layout.FeatureCount);
        foreach (string png in new[] { "predicted-vs-true.png", "correlation.png", "coverage.png", "predicted-vs-true-real-halos.png" })
        {
            Assert.True(new FileInfo(Path.Combine(model, "plots", png)).Length > 1000, png);
        }

        Assert.Contains("search trial 2/2", log.ToString());
        Assert.Contains("profiles evaluate:", log.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found above the test folder");
    }
}
