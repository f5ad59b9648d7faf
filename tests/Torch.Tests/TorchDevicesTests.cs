using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

public sealed class TorchDevicesTests
{
    public TorchDevicesTests() => Native.TorchRuntime.EnsureLoaded();

    [Fact]
    public void Cpu_preference_selects_the_cpu_and_logs_the_choice()
    {
        var lines = new List<string>();
        var device = TorchDevices.Select("cpu", lines.Add);
        Assert.Equal(DeviceType.CPU, device.type);
        Assert.Single(lines);
        Assert.StartsWith("Torch device cpu", lines[0]);
    }

    [Fact]
    public void Auto_selects_cuda_exactly_when_cuda_is_available()
    {
        var device = TorchDevices.Select("auto");
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, device.type);
    }

    [Fact]
    public void Cuda_preference_fails_clearly_without_cuda_and_selects_it_with_cuda()
    {
        if (cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, TorchDevices.Select("cuda").type);
        }
        else
        {
            var error = Assert.Throws<InvalidOperationException>(() => TorchDevices.Select("cuda"));
            Assert.Contains("torch.cuda.is_available() is false", error.Message);
        }
    }

    [Fact]
    public void Unknown_preference_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => TorchDevices.Select("tpu"));
    }
}
