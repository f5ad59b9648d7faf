using StreamProcessor.Torch.Native;
using TorchSharp;

namespace StreamProcessor.Torch;

/// <summary>The one place that turns a device setting ("auto", "cpu", "cuda") into a torch device.</summary>
public static class TorchDevices
{
    /// <summary>Accepted values of a device setting.</summary>
    public static readonly IReadOnlyList<string> Preferences = ["auto", "cpu", "cuda"];

    /// <summary>
    /// "auto": cuda when <c>torch.cuda.is_available()</c>, otherwise cpu; "cpu"; "cuda": fails when no CUDA device
    /// is usable. Writes one line saying what was chosen and why to <paramref name="log"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown preference.</exception>
    /// <exception cref="InvalidOperationException">"cuda" asked for but not available.</exception>
    public static torch.Device Select(string preference, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(preference);
        string normalised = preference.Trim().ToLowerInvariant();
        if (!Preferences.Contains(normalised))
        {
            throw new ArgumentException($"Unknown torch device '{preference}'; use one of {string.Join(", ", Preferences)}.", nameof(preference));
        }

        var natives = TorchRuntime.EnsureLoaded();
        bool cudaAvailable = normalised != "cpu" && torch.cuda.is_available();
        torch.Device device;
        string reason;
        switch (normalised)
        {
            case "cpu":
                device = torch.CPU;
                reason = "requested";
                break;
            case "cuda" when !cudaAvailable:
                throw new InvalidOperationException(
                    "Torch device 'cuda' was requested but torch.cuda.is_available() is false: this build uses " +
                    "TorchSharp-cpu (build with -p:TorchBackend=cuda) or no CUDA device/driver is visible.");
            case "cuda":
                device = torch.CUDA;
                reason = $"requested, {torch.cuda.device_count()} device(s)";
                break;
            default:
                device = cudaAvailable ? torch.CUDA : torch.CPU;
                reason = cudaAvailable ? "auto: CUDA available" : "auto: CUDA not available";
                break;
        }

        log?.Invoke($"Torch device {device.type.ToString().ToLowerInvariant()} ({reason}); {torch.get_num_threads()} CPU threads; {natives}");
        return device;
    }
}
