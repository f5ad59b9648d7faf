using StreamProcessor.Torch.Native;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void After_EnsureLoaded_a_matrix_product_runs_and_is_right()
    {
        TorchRuntime.EnsureLoaded();
        using var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        using var b = tensor(new float[] { 7, 8, 9, 10, 11, 12 }, [3, 2]);
        using var product = a.matmul(b);

        // [[1,2,3],[4,5,6]] x [[7,8],[9,10],[11,12]] by hand.
        Assert.Equal(new float[] { 58, 64, 139, 154 }, product.data<float>().ToArray());
    }

    [Fact]
    public void EnsureLoaded_is_idempotent_across_threads()
    {
        var results = new TorchNativeLoad[8];
        Parallel.For(0, results.Length, i => results[i] = TorchRuntime.EnsureLoaded());
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void EnsureLoaded_patches_only_where_the_libstdcxx_lacks_GLIBCXX_3_4_32()
    {
        var load = TorchRuntime.EnsureLoaded();
        bool systemHasVersion = File.ReadAllText(LibStdCxx()).Contains("GLIBCXX_3.4.32", StringComparison.Ordinal);
        Assert.Equal(!systemHasVersion, load.Patched);
        Assert.True(File.Exists(load.LibTorchSharpPath));
    }

    internal static string LibStdCxx() =>
        new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }.First(File.Exists);
}
