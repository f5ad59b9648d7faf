using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Training;

/// <summary>Copies of a module's weights, for early stopping: keep the best epoch's, restore them at the end.</summary>
internal static class WeightSnapshot
{
    /// <summary>A detached clone of every entry of the state dictionary.</summary>
    public static Dictionary<string, Tensor> Take(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv =>
        {
            using var detached = kv.Value.detach();
            return detached.clone();
        });

    /// <summary>Frees a snapshot (null is ignored).</summary>
    public static void Dispose(Dictionary<string, Tensor>? snapshot)
    {
        foreach (var t in snapshot?.Values ?? Enumerable.Empty<Tensor>())
        {
            t.Dispose();
        }
    }
}
