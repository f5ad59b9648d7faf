using StreamProcessor.Torch.Native;
using StreamProcessor.Torch.Training;
using TorchSharp;

namespace StreamProcessor.Torch.Tests;

public sealed class TrainingEnvironmentTests
{
    public TrainingEnvironmentTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Libtorch_exports_the_deterministic_switches_on_linux_x64()
    {
        Assert.True(AtenContext.IsAvailable);
        Assert.NotNull(AtenContext.DeterministicAlgorithms);
    }

    [Fact]
    public void A_run_fixes_threads_and_deterministic_mode_and_restores_them()
    {
        // libtorch's thread count is per calling thread under OpenMP: everything here stays on this thread.
        int threadsBefore = torch.get_num_threads();
        bool? deterministicBefore = AtenContext.DeterministicAlgorithms;
        var options = new TrainingOptions { IntraOpThreads = 1, DeterministicAlgorithms = true, Seed = 3 };

        using (var environment = TrainingEnvironment.Enter(options, torch.CPU))
        {
            Assert.Equal(1, torch.get_num_threads());
            Assert.True(AtenContext.DeterministicAlgorithms);
            Assert.True(AtenContext.DeterministicMkldnn);
            var machine = environment.Machine;
            Assert.Equal(1, machine.IntraOpThreads);
            Assert.True(machine.DeterministicAlgorithms);
            Assert.Equal("cpu", machine.Device);
            Assert.Equal(Environment.ProcessorCount, machine.LogicalCores);
            Assert.False(string.IsNullOrWhiteSpace(machine.CpuModel));
            Assert.Contains(machine.CpuCapability.Split(' ')[0], new[] { "avx512", "avx2", "default", "avx", "zvector", "vsx" });
            Assert.Contains("TorchSharp", machine.Runtime);
        }

        Assert.Equal(threadsBefore, torch.get_num_threads());
        Assert.Equal(deterministicBefore, AtenContext.DeterministicAlgorithms);
    }

    [Fact]
    public void The_seed_makes_the_first_draws_repeat()
    {
        var options = new TrainingOptions { Seed = 42 };
        float first;
        using (TrainingEnvironment.Enter(options, torch.CPU))
        {
            using var draw = torch.rand(1);
            first = draw.item<float>();
        }

        using (TrainingEnvironment.Enter(options, torch.CPU))
        {
            using var draw = torch.rand(1);
            Assert.Equal(first, draw.item<float>());
        }
    }
}
