using System.CommandLine;

namespace StreamProcessor.Trainer.Maps;

/// <summary><c>trainer maps train | evaluate | compare | explain</c>: the map branch (X-ray and HI maps → halo mass and CGM properties).</summary>
internal static class MapsCommand
{
    internal static Command Create() => new("maps", "X-ray and HI maps -> halo mass and five CGM properties: train, evaluate, compare variants, explain a map.")
    {
        MapTrainCommand.Create(),
        MapEvaluateCommand.Create(),
        MapCompareCommand.Create(),
        MapExplainCommand.Create(),
    };
}
