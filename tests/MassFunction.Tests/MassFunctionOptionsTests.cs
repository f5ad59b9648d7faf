using Microsoft.Extensions.Configuration;
using StreamProcessor.Abundance.Selection;
using StreamProcessor.Cosmology.PowerSpectrum;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunction.Tests;

public sealed class MassFunctionOptionsTests
{
    private static MassFunctionOptions Bind(IConfiguration configuration) =>
        configuration.GetSection(MassFunctionOptions.Section).Get<MassFunctionOptions>() ?? new MassFunctionOptions();

    [Fact]
    public void The_services_appsettings_bind_to_the_demo_survey_and_validate()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "massfunction.appsettings.json")).Build();

        var options = Bind(configuration);

        Assert.True(new MassFunctionOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(DemoSurvey.Options().Log10MassEdges, options.Surveys.Single().Log10MassEdges);
        Assert.Equal(DemoSurvey.Options().RedshiftEdges, options.Surveys.Single().RedshiftEdges);
        Assert.Equal(TimeSpan.FromSeconds(10), options.UpdateInterval);
        var survey = options.SurveyConfigurations().Single();
        Assert.Equal(DemoSurvey.Name, survey.Name);
        Assert.Equal(new LogisticCompleteness(13.6, 1.0, 0.05), survey.Completeness);
        Assert.Equal(13.9, survey.Log10MassEdges[survey.FitFirstMassBin()], 9);
    }

    [Theory]
    [InlineData(null, "eisenstein-hu-1998")]
    [InlineData("eh98", "eisenstein-hu-1998")]
    [InlineData("eh98-nowiggle", "eisenstein-hu-1998-no-wiggle")]
    public void The_transfer_switch_selects_the_transfer_function_of_every_survey(string? setting, string expected)
    {
        var values = new Dictionary<string, string?>();
        if (setting is not null) values["MassFunction:Transfer"] = setting;
        var options = Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.True(new MassFunctionOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(expected, options.SurveyConfigurations().Single().BaseCosmology.Transfer.Name);
    }

    [Fact]
    public void A_transfer_table_is_read_at_start_and_a_bad_one_fails_validation_naming_the_file_and_line()
    {
        string folder = Directory.CreateTempSubdirectory("mf-transfer-").FullName;
        try
        {
            string good = Path.Combine(folder, "lcdm_matterpower.dat");
            var k = Enumerable.Range(0, 200).Select(i => 1e-4 * Math.Pow(1e6, i / 199.0)).ToArray();
            var analytic = new EisensteinHu1998(Cosmology.FlatLcdm.Planck18);
            File.WriteAllLines(good, k.Select(x => FormattableString.Invariant($"{x:E8} {Math.Pow(x, 0.9665) * Math.Pow(analytic.Transfer(x), 2):E8}")));
            string bad = Path.Combine(folder, "broken_matterpower.dat");
            File.WriteAllLines(bad, ["# k P", "1e-4 1.0", "2e-4 oops"]);

            var options = new MassFunctionOptions { Transfer = "table:" + good };
            Assert.True(new MassFunctionOptionsValidator().Validate(null, options).Succeeded);
            Assert.Equal("table:lcdm_matterpower.dat", options.SurveyConfigurations().Single().BaseCosmology.Transfer.Name);

            var result = new MassFunctionOptionsValidator().Validate(null, new MassFunctionOptions { Transfer = "table:" + bad });
            Assert.False(result.Succeeded);
            Assert.Contains("broken_matterpower.dat:3:", result.FailureMessage, StringComparison.Ordinal);
            Assert.False(new MassFunctionOptionsValidator().Validate(null, new MassFunctionOptions { Transfer = "camb" }).Succeeded);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void No_configured_survey_means_the_demo_survey()
    {
        var options = Bind(new ConfigurationBuilder().Build());

        Assert.Equal([DemoSurvey.Name], options.SurveyConfigurations().Select(s => s.Name));
    }

    [Fact]
    public void A_tabulated_completeness_binds_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MassFunction:Surveys:0:Name"] = "tab",
            ["MassFunction:Surveys:0:SkyAreaDeg2"] = "1000",
            ["MassFunction:Surveys:0:RedshiftEdges:0"] = "0.1",
            ["MassFunction:Surveys:0:RedshiftEdges:1"] = "0.2",
            ["MassFunction:Surveys:0:Log10MassEdges:0"] = "14.0",
            ["MassFunction:Surveys:0:Log10MassEdges:1"] = "14.5",
            ["MassFunction:Surveys:0:Log10MassEdges:2"] = "15.0",
            ["MassFunction:Surveys:0:Completeness:Kind"] = "tabulated",
            ["MassFunction:Surveys:0:Completeness:Log10Masses:0"] = "13.0",
            ["MassFunction:Surveys:0:Completeness:Log10Masses:1"] = "14.0",
            ["MassFunction:Surveys:0:Completeness:Redshifts:0"] = "0.0",
            ["MassFunction:Surveys:0:Completeness:Redshifts:1"] = "1.0",
            ["MassFunction:Surveys:0:Completeness:Values:0"] = "0.0",
            ["MassFunction:Surveys:0:Completeness:Values:1"] = "0.0",
            ["MassFunction:Surveys:0:Completeness:Values:2"] = "1.0",
            ["MassFunction:Surveys:0:Completeness:Values:3"] = "1.0",
            ["MassFunction:Surveys:0:OmegaMCount"] = "10",
        }).Build();

        var options = Bind(configuration);

        Assert.True(new MassFunctionOptionsValidator().Validate(null, options).Succeeded);
        var survey = options.SurveyConfigurations().Single();
        Assert.IsType<TabulatedCompleteness>(survey.Completeness);
        Assert.Equal(10, survey.OmegaMCount);
        Assert.Equal(0.5, survey.Completeness.Evaluate(13.5, 0.3), 12);
    }

    [Fact]
    public void The_validator_fails_a_bad_survey_at_start()
    {
        var bad = new MassFunctionOptions
        {
            Surveys =
            [
                DemoSurvey.Options() with { Log10MassEdges = [14.0, 13.5, 15.0] },
                DemoSurvey.Options() with { Name = "other", Completeness = new CompletenessOptions { Kind = "step" } },
                DemoSurvey.Options() with { Name = "other" },
            ],
            UpdateInterval = TimeSpan.Zero,
        };

        var result = new MassFunctionOptionsValidator().Validate(null, bad);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Survey 'demo'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'step'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("configured twice", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("UpdateInterval", StringComparison.Ordinal));
    }
}
