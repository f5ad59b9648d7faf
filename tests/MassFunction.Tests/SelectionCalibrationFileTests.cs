using Microsoft.Extensions.Configuration;
using StreamProcessor.Abundance;
using StreamProcessor.Abundance.Selection;
using StreamProcessor.Contracts;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunction.Tests;

/// <summary>"MassFunction:Surveys:n:SelectionCalibrationFile": the survey's selection and mass–observable relation from a calibration file.</summary>
public sealed class SelectionCalibrationFileTests
{
    /// <summary>The shipped calibration, copied next to the tests (StreamProcessor.MassFunction.Tests.csproj).</summary>
    private const string ShippedFileName = "selection-calibration.json";

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, ShippedFileName);

    /// <summary>The science check's survey binning, configured as a deployment would.</summary>
    private static Dictionary<string, string?> SurveySettings(string? calibrationFile)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MassFunction:Surveys:0:Name"] = "science",
            ["MassFunction:Surveys:0:SkyAreaDeg2"] = "25000",
            ["MassFunction:Surveys:0:RedshiftEdges:0"] = "0.03",
            ["MassFunction:Surveys:0:RedshiftEdges:1"] = "0.06",
            ["MassFunction:Surveys:0:RedshiftEdges:2"] = "0.08",
            ["MassFunction:Surveys:0:RedshiftEdges:3"] = "0.10",
        };
        for (int i = 0; i < 27; i++) settings[$"MassFunction:Surveys:0:Log10MassEdges:{i}"] = (13.0 + (0.1 * i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (calibrationFile is not null) settings["MassFunction:Surveys:0:SelectionCalibrationFile"] = calibrationFile;
        return settings;
    }

    private static MassFunctionOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(MassFunctionOptions.Section).Get<MassFunctionOptions>()!;

    private static List<string> Failures(MassFunctionOptions options)
    {
        var result = new MassFunctionOptionsValidator().Validate(null, options);
        Assert.True(result.Failed, "validation passed");
        return [.. result.Failures!];
    }

    [Fact]
    public void A_relative_calibration_file_binds_resolves_against_the_base_directory_and_gives_the_calibrated_survey()
    {
        MassFunctionOptions options = Bind(SurveySettings(ShippedFileName));
        options.ResolveSelectionCalibrationFiles(AppContext.BaseDirectory);   // what AddMassFunction does with the working directory

        Assert.Equal(Shipped, options.Surveys[0].SelectionCalibrationFile);
        Assert.True(new MassFunctionOptionsValidator().Validate(null, options).Succeeded);
        SurveyConfiguration fromFile = options.SurveyConfigurations().Single();

        // The wiring the science check used before the option existed: the calibration's tables set explicitly.
        SelectionCalibration calibration = SelectionCalibration.Load(Shipped);
        SurveyOptions explicitly = options.Surveys[0] with
        {
            SelectionCalibrationFile = null,
            Completeness = calibration.ToCompletenessOptions(),
            MassObservable = calibration.ToMassObservableOptions(0.02),
        };
        SurveyConfiguration expected = explicitly.ToConfiguration();

        var completeness = Assert.IsType<TabulatedCompleteness>(fromFile.Completeness);
        var expectedCompleteness = Assert.IsType<TabulatedCompleteness>(expected.Completeness);
        Assert.Equal(13.0, completeness.Log10MassFloor);
        Assert.Equal(expectedCompleteness.Log10MassFloor, completeness.Log10MassFloor);
        Assert.Equal(expectedCompleteness.Log10Masses, completeness.Log10Masses);
        Assert.Equal(expectedCompleteness.Redshifts, completeness.Redshifts);
        Assert.Equal(expectedCompleteness.Values, completeness.Values);
        Assert.Equal(0.0, completeness.Evaluate(12.99, 0.05));
        var relation = Assert.IsType<EmpiricalMassObservable>(fromFile.MassObservable);
        var expectedRelation = Assert.IsType<EmpiricalMassObservable>(expected.MassObservable);
        Assert.Equal(0.02, relation.SmoothingDex);
        Assert.Equal(expectedRelation.Log10Masses, relation.Log10Masses);
        Assert.Equal(expectedRelation.Redshifts, relation.Redshifts);
        Assert.Equal(expectedRelation.Residuals.Count, relation.Residuals.Count);
        for (int n = 0; n < relation.Residuals.Count; n++) Assert.Equal(expectedRelation.Residuals[n], relation.Residuals[n]);
        Assert.Equal(expected.Log10MassEdges, fromFile.Log10MassEdges);
        Assert.Equal(expected.FitFirstMassBin(), fromFile.FitFirstMassBin());
        Assert.Equal(
            expectedRelation.BinProbability(14.2, 0.07, 14.1, 14.3),
            relation.BinProbability(14.2, 0.07, 14.1, 14.3));
    }

    [Fact]
    public void A_missing_calibration_file_fails_validation_naming_the_path()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"no-such-calibration-{Guid.NewGuid():N}.json");

        List<string> failures = Failures(Bind(SurveySettings(missing)));

        Assert.Contains(failures, f => f.StartsWith("Survey 'science'", StringComparison.Ordinal) && f.Contains(missing, StringComparison.Ordinal)
            && f.Contains("does not exist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("{\"provenance\": \"only a provenance\"}")]
    [InlineData("")]
    public void A_malformed_calibration_file_fails_validation_naming_the_path(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"malformed-calibration-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            List<string> failures = Failures(Bind(SurveySettings(path)));

            Assert.Contains(failures, f => f.Contains($"Selection calibration file '{path}' cannot be used", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_calibration_file_with_inconsistent_tables_fails_validation_naming_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"short-calibration-{Guid.NewGuid():N}.json");
        SelectionCalibration shipped = SelectionCalibration.Load(Shipped);
        (shipped with { Completeness = shipped.Completeness[..^1] }).Save(path);
        try
        {
            List<string> failures = Failures(Bind(SurveySettings(path)));

            Assert.Contains(failures, f => f.Contains(path, StringComparison.Ordinal) && f.Contains("values", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("MassFunction:Surveys:0:Completeness:Kind", "logistic", "Completeness and SelectionCalibrationFile")]
    [InlineData("MassFunction:Surveys:0:MassObservable:SmoothingDex", "0.05", "MassObservable and SelectionCalibrationFile")]
    public void Completeness_or_MassObservable_next_to_a_calibration_file_is_refused_as_ambiguous(string key, string value, string expected)
    {
        Dictionary<string, string?> settings = SurveySettings(Shipped);
        settings[key] = value;

        List<string> failures = Failures(Bind(settings));

        Assert.Contains(failures, f => f.StartsWith("Survey 'science'", StringComparison.Ordinal)
            && f.Contains(expected, StringComparison.Ordinal) && f.Contains("ambiguous", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_calibration_file_an_unset_completeness_is_the_default_logistic()
    {
        MassFunctionOptions options = Bind(SurveySettings(null));

        Assert.True(new MassFunctionOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new LogisticCompleteness(13.6, 1.0, 0.05), options.SurveyConfigurations().Single().Completeness);
        Assert.Null(options.SurveyConfigurations().Single().MassObservable);
    }

    [Fact]
    public void The_shipped_calibration_is_compact_json_and_rewrites_to_the_same_bytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rewritten-calibration-{Guid.NewGuid():N}.json");
        try
        {
            SelectionCalibration.Load(Shipped).Save(path);

            byte[] shipped = File.ReadAllBytes(Shipped);
            Assert.Equal(shipped, File.ReadAllBytes(path));
            Assert.DoesNotContain((byte)'\n', shipped);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Posteriors_from_another_model_than_the_calibration_are_counted_and_still_ingested()
    {
        using var fixture = new ServiceFixture();
        SurveyOptions survey = TestPosteriors.SmallSurvey("calibrated") with { Completeness = null, SelectionCalibrationFile = Shipped };
        SelectionCalibration calibration = SelectionCalibration.Load(Shipped);
        var posteriors = TestPosteriors.Spread(survey.Name, 40);
        for (int i = 0; i < 10; i++) posteriors[i] = posteriors[i] with { ModelCardSha256 = calibration.ModelCardSha256 };
        double before = MassFunctionMetrics.CalibrationModelMismatches.WithLabels(MassFunctionService.ServiceName, survey.Name).Value;
        var service = fixture.NewService(survey, updateEveryPosteriors: 40);

        await service.StartAsync(CancellationToken.None);
        await service.Rebuilt.WaitAsync(ServiceFixture.Timeout);
        fixture.Produce(posteriors);
        _ = fixture.ReadUntil(Topics.MassFunction, rs => rs.Any(r => fixture.UpdateCodec.Decode(r.Message.Value).NPosteriors == 40));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(30, service.CalibrationModelMismatches);
        Assert.Equal(30, MassFunctionMetrics.CalibrationModelMismatches.WithLabels(MassFunctionService.ServiceName, survey.Name).Value - before);
        Assert.Equal(40, service.Accumulator.Counters(survey.Name).ClustersAccepted);
    }
}
