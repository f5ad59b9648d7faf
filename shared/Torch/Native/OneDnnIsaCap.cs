using System.Runtime.InteropServices;

namespace StreamProcessor.Torch.Native;

/// <summary>
/// Caps the instruction set oneDNN (libtorch's mkldnn convolutions) may use at SSE4.1, through its documented
/// <c>DNNL_MAX_CPU_ISA</c> variable, unless the operator has set that variable already.
/// </summary>
/// <remarks>
/// On an AMD EPYC with AVX-512 (avx512_vp2intersect: Zen 5) oneDNN's wider kernels gave wrong gradients:
/// with AVX-512 its convolution backward pass returned non-finite weight gradients at random (of ten backward passes of
/// one batch through one unchanged 2D mass CNN, about half had NaN gradients, in different layers each time, with
/// finite inputs, outputs and loss); capped at AVX2 those were finite, but the integrated-gradients attributions of a
/// map CNN then missed the change of its mean by 51 % (their completeness gap; the test's bound, 2 %, holds under
/// SSE4.1 and AVX-512). Under SSE4.1 every check passes (<c>OneDnnIsaCapTests</c>, <c>GuardedStepTests</c>,
/// <c>IntegratedGradientsTests</c>). <c>ATEN_CPU_CAPABILITY</c>, which governs ATen's own kernels, did not matter.
/// Switching oneDNN off (at::Context::setUserEnabledMkldnn(false)) passed the same checks but ran ATen's own convolutions
/// 2.8–4.7× slower in batched inference than oneDNN under this cap (README, "Training on another machine"), so the cap is
/// the cheaper fix.
/// oneDNN reads the variable with getenv the first time it dispatches, so it is set in the native environment
/// (Environment.SetEnvironmentVariable changes only .NET's copy) before libtorch is loaded.
/// </remarks>
public static partial class OneDnnIsaCap
{
    /// <summary>oneDNN's variable (oneDNN developer guide, "CPU Dispatcher Control").</summary>
    public const string Variable = "DNNL_MAX_CPU_ISA";

    /// <summary>The cap applied when the variable is not set.</summary>
    public const string DefaultCap = "SSE41";

    /// <summary>Sets the cap where the variable is unset; returns the value in force.</summary>
    public static string Apply()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen)
        {
            return chosen;
        }

        if (SetEnvironment(Variable, DefaultCap, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv({Variable}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        Environment.SetEnvironmentVariable(Variable, DefaultCap);   // child processes and later readers see it too
        return DefaultCap;
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
