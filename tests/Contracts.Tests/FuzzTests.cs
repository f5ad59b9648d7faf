namespace StreamProcessor.Contracts.Tests;

/// <summary>
/// Decode must never throw anything but <see cref="RecordValidationException"/> for any bytes: random bytes, every
/// truncation of a valid message (every length up to 8 KiB, then every 997th), and single-bit flips.
/// Seeds are fixed, so a failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private static void DecodesOrRejects(ContractCase contract, byte[] bytes, string what)
    {
        try
        {
            contract.Decode(bytes);
        }
        catch (RecordValidationException)
        {
            return;
        }
        catch (Exception e)
        {
            Assert.Fail($"{contract.Name}: {what} escaped Decode as {e.GetType().Name}: {e.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void Random_bytes_only_ever_raise_a_validation_error(string name)
    {
        var contract = ContractCase.Named(name);
        byte[] valid = contract.Encode(contract.Sample());
        var random = new Random(12345);
        for (int trial = 0; trial < 500; trial++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (trial % 2 == 1 && bytes.Length > 16)
            {
                // A valid prefix (continuation marker, schema message) followed by noise reaches deeper into the reader.
                Array.Copy(valid, bytes, Math.Min(valid.Length, random.Next(8, bytes.Length)));
            }

            DecodesOrRejects(contract, bytes, $"random input {trial}");
        }
    }

    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void Every_truncation_of_a_valid_message_only_ever_raises_a_validation_error(string name)
    {
        var contract = ContractCase.Named(name);
        byte[] valid = contract.Encode(contract.Sample());
        for (int length = 0; length < valid.Length; length = length < 8192 ? length + 1 : length + 997)
        {
            DecodesOrRejects(contract, valid[..length], $"truncation to {length} bytes");
        }
    }

    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void Bit_flips_of_a_valid_message_only_ever_raise_a_validation_error(string name)
    {
        var contract = ContractCase.Named(name);
        byte[] valid = contract.Encode(contract.Sample());
        var random = new Random(67890);
        // Large messages (the 3D KDE) take milliseconds per decode: fewer trials keep the suite fast.
        int trials = valid.Length > 64 * 1024 ? 300 : 1500;
        for (int trial = 0; trial < trials; trial++)
        {
            byte[] bytes = (byte[])valid.Clone();
            // Most of the structure (schema, field nodes, buffer offsets) lives in the first kilobytes: flip there more often.
            int limit = trial % 2 == 0 ? Math.Min(bytes.Length, 4096) : bytes.Length;
            for (int flips = 1 + (trial % 3); flips > 0; flips--)
            {
                int bit = random.Next(limit * 8);
                bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            }

            DecodesOrRejects(contract, bytes, $"bit flip trial {trial}");
        }
    }
}
