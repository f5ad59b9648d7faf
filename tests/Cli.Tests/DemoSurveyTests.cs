using System.CommandLine;
using StreamProcessor.IngestCli;
using StreamProcessor.Ingestion.Catalogues;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Tables;
using StreamProcessor.Ingestion.Writing;

namespace StreamProcessor.Cli.Tests;

public sealed class DemoSurveyTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("demo-survey-");

    [Fact]
    public void The_same_seed_gives_the_same_survey_and_another_seed_a_different_one()
    {
        var first = DemoSurvey.Generate(25, seed: 7);
        var again = DemoSurvey.Generate(25, seed: 7);
        var other = DemoSurvey.Generate(25, seed: 8);

        Assert.Equal(25, first.Count);
        for (int i = 0; i < first.Count; i++) CatalogueAssertions.Same(first[i], again[i]);
        Assert.NotEqual(first.Select(c => c.RaDeg), other.Select(c => c.RaDeg));
    }

    [Fact]
    public void Demo_clusters_lie_in_the_patch_within_the_night_with_true_masses_and_pass_the_production_codec()
    {
        var options = new DemoSurveyOptions { Clusters = 30, Seed = 3 };

        var survey = DemoSurvey.Generate(options);

        Assert.Equal(30, survey.Select(c => c.ClusterId).Distinct().Count());
        Assert.All(survey, c =>
        {
            Assert.Equal("demo", c.Survey);
            Assert.InRange(c.RaDeg, options.RaMinDeg, options.RaMaxDeg);
            Assert.InRange(c.DecDeg, options.DecMinDeg, options.DecMaxDeg);
            Assert.InRange(c.DetectionTime, options.NightStartUtc, options.NightStartUtc + options.NightLength);
            Assert.InRange(c.TrueLog10M200c!.Value, options.Mock.Log10M200cMin, options.Mock.Log10M200cMax);
            Assert.InRange(c.Redshift, options.Mock.RedshiftMin, options.Mock.RedshiftMax);
            Assert.NotEmpty(c.Members);
        });
        Assert.True(survey.Zip(survey.Skip(1)).All(p => p.First.DetectionTime <= p.Second.DetectionTime), "ordered by detection time");
        var assembly = new CatalogueAssembler().Assemble(DemoSurvey.ToMemberRows(survey));
        Assert.Equal(0, assembly.RowsRejected);
        CatalogueAssertions.SameSet(survey, assembly.Catalogues);
    }

    [Fact]
    public void A_lower_candidate_threshold_publishes_poor_candidates_that_the_default_skips()
    {
        var rich = DemoSurvey.Generate(300, seed: 4);
        var candidates = DemoSurvey.Generate(new DemoSurveyOptions { Clusters = 300, Seed = 4 }.WithMinimumCandidateGalaxies(5));

        Assert.All(rich, c => Assert.True(c.Members.Count >= 11, $"{c.ClusterId}: {c.Members.Count} galaxies"));
        Assert.All(candidates, c => Assert.True(c.Members.Count >= 5, $"{c.ClusterId}: {c.Members.Count} galaxies"));
        int poor = candidates.Count(c => c.Members.Count < 11);
        Assert.InRange(poor, 15, 150);
        // The threshold only decides what is published: the candidate survey reaches fewer haloes, and each of its rich
        // ones is the default survey's catalogue of that halo.
        var richById = rich.ToDictionary(c => c.ClusterId);
        Assert.All(candidates.Where(c => c.Members.Count >= 11), c => CatalogueAssertions.Same(richById[c.ClusterId], c));
    }

    [Theory]
    [InlineData("demo.csv")]
    [InlineData("demo.parquet")]
    [InlineData("demo.arrow")]
    public async Task A_demo_survey_written_as_a_member_table_reads_back_to_the_same_catalogues(string fileName)
    {
        var survey = DemoSurvey.Generate(12, seed: 5);
        string path = Path.Combine(_folder.FullName, fileName);

        await MemberTableWriter.WriteAsync(DemoSurvey.ToMemberRows(survey), path);
        var (rows, parseRejections) = await MemberTable.ReadAsync(path);
        var assembly = new CatalogueAssembler().Assemble(rows);

        Assert.Empty(parseRejections);
        Assert.Empty(assembly.Rejections);
        CatalogueAssertions.SameSet(survey, assembly.Catalogues);
    }

    [Fact]
    public async Task Ingest_demo_with_out_writes_a_parquet_file_without_needing_a_broker()
    {
        string path = Path.Combine(_folder.FullName, "cli-demo.parquet");
        var output = new StringWriter();

        int exitCode = await IngestCommands.CreateRoot().Parse(["demo", "--clusters", "15", "--seed", "2", "--out", path])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(ExitCodes.Success, exitCode);
        var (rows, _) = await MemberTable.ReadAsync(path);
        var expected = DemoSurvey.Generate(new DemoSurveyOptions { Clusters = 15, Seed = 2 }.WithMinimumCandidateGalaxies(DemoSurveyOptions.DemoCandidateMinimumGalaxies));
        Assert.Equal(expected.Sum(c => c.Members.Count), rows.Count);
        Assert.Contains("15 clusters", output.ToString());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
