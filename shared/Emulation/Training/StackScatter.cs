namespace StreamProcessor.Emulation.Training;

/// <summary>Emulated stacks of a finite number of halos: the halo-to-halo scatter each stack is drawn with.</summary>
/// <param name="HalosPerStack">Halos averaged in one stack (1: single halos, like the real held-out ones); at least 1.</param>
/// <param name="Seed">Seed of the draws; stack i draws from its own generator.</param>
/// <param name="EmulatorError">Also draw the emulator's predictive uncertainty of the mean profile at each point.</param>
public sealed record StackScatter(int HalosPerStack, int Seed, bool EmulatorError = false)
{
    /// <summary>Halos averaged in one stack.</summary>
    public int HalosPerStack { get; } = HalosPerStack >= 1
        ? HalosPerStack
        : throw new ArgumentOutOfRangeException(nameof(HalosPerStack), HalosPerStack, "A stack holds at least one halo.");

    /// <summary>The generator of stack <paramref name="index"/>'s draws.</summary>
    public Random RandomFor(int index) => new(unchecked((Seed * 1_000_003) + index));
}
