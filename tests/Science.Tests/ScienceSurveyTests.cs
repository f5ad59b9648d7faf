using System.Globalization;
using Microsoft.Extensions.Configuration;
using StreamProcessor.Abundance;
using StreamProcessor.Abundance.Selection;
using StreamProcessor.Cosmology;
using StreamProcessor.MassFunctionAggregation;
using StreamProcessor.MassFunctionAggregation.Check;
using StreamProcessor.PipelineHost.Science;

namespace StreamProcessor.Science.Tests;

/// <summary>The science check configures its survey through the same option a deployment sets (SelectionCalibrationFile).</summary>
public sealed class ScienceSurveyTests
{
    [Fact]
    public void The_check_survey_names_the_calibration_file_and_matches_the_same_survey_bound_from_configuration()
    {
        var options = new ScienceCheckOptions { CalibrationPath = RepoPaths.Calibration };
        FlatLcdm truth = options.Cosmology.ToFlatLcdm();

        SurveyOptions check = ScienceCheck.Survey(options, truth);

        Assert.Equal(RepoPaths.Calibration, check.SelectionCalibrationFile);
        Assert.Null(check.Completeness);
        Assert.Null(check.MassObservable);
        Assert.Equal(14.1, check.CompletenessLimitLog10Mass!.Value, 9);

        // The same survey as a deployment's appsettings / --MassFunction:Surveys:0:... switches would give it.
        var settings = new Dictionary<string, string?>
        {
            ["MassFunction:Surveys:0:Name"] = check.Name,
            ["MassFunction:Surveys:0:SkyAreaDeg2"] = Invariant(check.SkyAreaDeg2),
            ["MassFunction:Surveys:0:SelectionCalibrationFile"] = Path.GetRelativePath(RepoPaths.Root, RepoPaths.Calibration),
            ["MassFunction:Surveys:0:CompletenessLimitLog10Mass"] = Invariant(check.CompletenessLimitLog10Mass!.Value),
        };
        for (int i = 0; i < check.RedshiftEdges.Length; i++) settings[$"MassFunction:Surveys:0:RedshiftEdges:{i}"] = Invariant(check.RedshiftEdges[i]);
        for (int i = 0; i < check.Log10MassEdges.Length; i++) settings[$"MassFunction:Surveys:0:Log10MassEdges:{i}"] = Invariant(check.Log10MassEdges[i]);
        MassFunctionOptions deployed = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(MassFunctionOptions.Section).Get<MassFunctionOptions>()!;
        deployed.ResolveSelectionCalibrationFiles(RepoPaths.Root);
        Assert.True(new MassFunctionOptionsValidator().Validate(null, deployed).Succeeded);

        SurveyConfiguration fromCheck = check.ToConfiguration();
        SurveyConfiguration fromConfiguration = deployed.SurveyConfigurations().Single();
        var c1 = Assert.IsType<TabulatedCompleteness>(fromCheck.Completeness);
        var c2 = Assert.IsType<TabulatedCompleteness>(fromConfiguration.Completeness);
        Assert.Equal(c1.Values, c2.Values);
        Assert.Equal(c1.Log10MassFloor, c2.Log10MassFloor);
        var m1 = Assert.IsType<EmpiricalMassObservable>(fromCheck.MassObservable);
        var m2 = Assert.IsType<EmpiricalMassObservable>(fromConfiguration.MassObservable);
        Assert.Equal(m1.SmoothingDex, m2.SmoothingDex);
        Assert.Equal(m1.Residuals.SelectMany(r => r), m2.Residuals.SelectMany(r => r));
        Assert.Equal(fromCheck.Log10MassEdges, fromConfiguration.Log10MassEdges);
        Assert.Equal(fromCheck.RedshiftEdges, fromConfiguration.RedshiftEdges);
        Assert.Equal(fromCheck.CompletenessLimitLog10Mass, fromConfiguration.CompletenessLimitLog10Mass);
    }

    [Fact]
    public void The_controls_replace_only_the_mass_observable_relation_of_the_file()
    {
        var options = new ScienceCheckOptions { CalibrationPath = RepoPaths.Calibration };
        FlatLcdm truth = options.Cosmology.ToFlatLcdm();
        SelectionCalibration calibration = SelectionCalibration.Load(RepoPaths.Calibration);

        SurveyOptions shifted = ScienceCheck.Survey(options with { ResidualShiftDex = 0.1 }, truth);
        SurveyOptions ablated = ScienceCheck.Survey(options with { UseCalibratedMassObservable = false }, truth);

        Assert.Null(shifted.SelectionCalibrationFile);
        Assert.Equal(calibration.Completeness, shifted.Completeness!.Values);
        Assert.Equal(calibration.Residuals[100][0] + 0.1, shifted.MassObservable!.Residuals[100][0], 12);
        Assert.Equal(calibration.Completeness, ablated.Completeness!.Values);
        Assert.Null(ablated.MassObservable);
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
