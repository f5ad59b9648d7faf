using System.CommandLine;
using StreamProcessor.PipelineHost.RealClusters;

namespace StreamProcessor.Pipeline;

/// <summary><c>pipeline real-clusters --data FOLDER</c>: the real-data table (exit code 0 when every cluster got a record).</summary>
internal static class RealClustersCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "Folder with clusters.csv and galaxies.csv (layout of shared/data/act-spt-spectroscopic).",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "act-spt-spectroscopic"),
        };
        var output = new Option<string>("--out") { Description = "Folder for real-clusters.md and real-clusters.csv.", DefaultValueFactory = _ => "artifacts/real-clusters" };
        var cutRadius = new Option<double?>("--cut-radius")
        {
            Description = "Keep only the spectra at R_proj below this (h^-1 Mpc): the same clusters seen through a smaller field of view.",
        };
        var command = new Command("real-clusters", "Real clusters with spectroscopic members through the catalogue path, against their published SZ or dispersion masses.")
        {
            data, output, cutRadius,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, token) =>
        {
            await RealClusterRun.RunAsync(parse.GetValue(data)!, parse.GetValue(output)!, [.. parse.UnmatchedTokens], Console.Out, parse.GetValue(cutRadius), token);
            return 0;
        });
        return command;
    }
}
