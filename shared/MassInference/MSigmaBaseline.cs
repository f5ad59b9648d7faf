using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.MassInference;

/// <summary>
/// The fitted M–σ baseline that travels with the model: fitted on the model's training split by the trainer
/// (Ho+2019 style) and stored beside the card as <see cref="FileName"/>; absent files mean no M–σ baseline.
/// </summary>
public static class MSigmaBaseline
{
    public const string FileName = "fitted-m-sigma.json";

    public static FittedMSigmaRelation? Load(string modelFolder)
    {
        string path = Path.Combine(modelFolder, FileName);
        return File.Exists(path) ? FittedMSigmaRelation.FromJson(File.ReadAllText(path)) : null;
    }
}
