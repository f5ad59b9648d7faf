namespace StreamProcessor.Emulation.Training;

/// <summary>Emulated stacks of a finite number of halos: the halo-to-halo scatter each stack is drawn with.</summary>
/// <param name="HalosPerStack">Halos averaged in one stack (1: single halos, like the real held-out ones); at least 1.
/// With <paramref name="MaxHalosPerStack"/> the smallest stack.</param>
/// <param name="Seed">Seed of the draws; stack i draws from its own generator.</param>
/// <param name="EmulatorError">Also draw the emulator's predictive uncertainty of the mean profile at each point.</param>
/// <param name="MaxHalosPerStack">0: every stack holds <paramref name="HalosPerStack"/> halos. Above it: each stack's size
/// is drawn log-uniform in [<paramref name="HalosPerStack"/>, <paramref name="MaxHalosPerStack"/>], so that one network,
/// told the size, serves single halos and large stacks alike.</param>
public sealed record StackScatter(int HalosPerStack, int Seed, bool EmulatorError = false, int MaxHalosPerStack = 0)
{
    /// <summary>Halos averaged in one stack (the smallest stack when sizes vary).</summary>
    public int HalosPerStack { get; } = HalosPerStack >= 1
        ? HalosPerStack
        : throw new ArgumentOutOfRangeException(nameof(HalosPerStack), HalosPerStack, "A stack holds at least one halo.");

    /// <summary>The largest stack when sizes vary; 0 when every stack holds <see cref="HalosPerStack"/>.</summary>
    public int MaxHalosPerStack { get; } = MaxHalosPerStack == 0 || MaxHalosPerStack >= HalosPerStack
        ? MaxHalosPerStack
        : throw new ArgumentOutOfRangeException(nameof(MaxHalosPerStack), MaxHalosPerStack, $"The largest stack must hold at least {HalosPerStack} halos (or be 0: one size).");

    /// <summary>Whether stack sizes are drawn rather than fixed.</summary>
    public bool VariesStackSize => MaxHalosPerStack > HalosPerStack;

    /// <summary>The generator of stack <paramref name="index"/>'s draws.</summary>
    public Random RandomFor(int index) => new(unchecked((Seed * 1_000_003) + index));

    /// <summary>
    /// The size of a stack: fixed, or log-uniform over the integers of [min, max] (each decade equally likely), drawn
    /// first from the stack's own generator. A fixed size draws nothing, so fixed-size stacks keep their draws.
    /// </summary>
    public int HalosFor(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!VariesStackSize)
        {
            return HalosPerStack;
        }

        double lower = Math.Log(HalosPerStack);
        double upper = Math.Log(MaxHalosPerStack + 1.0);
        return Math.Min(MaxHalosPerStack, (int)Math.Floor(Math.Exp(lower + (random.NextDouble() * (upper - lower)))));
    }
}
