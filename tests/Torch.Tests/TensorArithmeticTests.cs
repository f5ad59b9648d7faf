using StreamProcessor.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

public sealed class TensorArithmeticTests
{
    public TensorArithmeticTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Plus_and_Times_give_the_element_wise_results_with_broadcasting()
    {
        using var scope = NewDisposeScope();
        var left = tensor(new[] { 1f, -2f, 0.5f, 4f }, [2, 2]);
        var row = tensor(new[] { 10f, 20f }, [2]);
        using var three = 3.0.ToScalar();

        Assert.Equal(new[] { 11f, 18f, 10.5f, 24f }, left.Plus(row).data<float>().ToArray());
        Assert.Equal(new[] { 4f, 1f, 3.5f, 7f }, left.Plus(three).data<float>().ToArray());
        Assert.Equal(new[] { 0.75f, -2.25f, 0.25f, 3.75f }, left.Plus(-0.25).data<float>().ToArray());
        Assert.Equal(new[] { 2.5f, -5f, 1.25f, 10f }, left.Times(2.5).data<float>().ToArray());
    }

    [Fact]
    public void Plus_keeps_the_autograd_graph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2.0 }).requires_grad_(true);
        x.Plus(x.Times(3.0)).Plus(1.0).sum().backward();

        Assert.Equal(new[] { 4.0, 4.0 }, x.grad!.data<double>().ToArray());
    }
}
