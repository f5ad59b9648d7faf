using System.CommandLine;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Pipeline;
using StreamProcessor.Pipeline.Maps;
using StreamProcessor.Pipeline.Profiles;

var clusters = new Option<int>("--clusters") { Description = "Clusters in the demo survey.", DefaultValueFactory = _ => 3000 };
var seed = new Option<ulong>("--seed") { Description = "Simulator seed.", DefaultValueFactory = _ => 1UL };
var output = new Option<string>("--out") { Description = "Folder for posteriors.parquet, predicted-vs-true.png, summary.json.", DefaultValueFactory = _ => "artifacts/demo" };
var timeout = new Option<TimeSpan>("--timeout") { Description = "Give up waiting for posteriors after this long.", DefaultValueFactory = _ => TimeSpan.FromMinutes(10) };
var candidateMinimum = new Option<int>("--candidate-min-galaxies")
{
    Description = "Publish every simulated candidate with at least this many observed galaxies; phase-space rejects those under its richness cut (11).",
    DefaultValueFactory = _ => DemoSurveyOptions.DemoCandidateMinimumGalaxies,
};
candidateMinimum.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1) result.AddError("--candidate-min-galaxies must be at least 1 (a catalogue needs a member)");
});
var root = new RootCommand("The main job: embedded broker, the catalogue path's services, a demo survey, a summary and output files. " +
    "Service options (--bootstrap host:port, --metrics-url) pass through.")
{
    clusters,
    seed,
    output,
    timeout,
    candidateMinimum,
    CalibrateSelectionCommand.Create(),
    ScienceCheckCommand.Create(),
    RealClustersCommand.Create(),
    ProfilesDemoCommand.Create(),
    MapsDemoCommand.Create(),
};
root.TreatUnmatchedTokensAsErrors = false;
root.SetAction((parse, token) => PipelineRun.RunAsync(
    new PipelineOptions(parse.GetValue(clusters), parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(timeout), parse.GetValue(candidateMinimum)),
    [.. parse.UnmatchedTokens],
    token));
return await root.Parse(args).InvokeAsync();
