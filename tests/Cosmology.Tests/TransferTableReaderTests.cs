using System.Globalization;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.Tests;

public sealed class TransferTableReaderTests : IDisposable
{
    private static readonly FlatLcdm Planck18 = FlatLcdm.Planck18;
    private static readonly EisensteinHu1998 Analytic = new(Planck18);
    private static readonly double[] K = TransferTableFiles.LogSpacedK(1e-4, 20.0, 400);
    private readonly TransferTableFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Formats() => ["camb-transfer", "class-tk", "power"];

    private string WriteGood(string format) => format switch
    {
        "camb-transfer" => _files.CambTransfer("planck18_transfer_out.dat", Analytic, K),
        "class-tk" => _files.ClassTransfer("planck18_tk.dat", Analytic, K),
        _ => _files.Power("planck18_matterpower.dat", Analytic, Planck18.Ns, K),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_good_file_round_trips_to_the_transfer_function_it_was_written_from(string format)
    {
        TransferTable table = TransferTableReader.Read(WriteGood(format));
        ITransferFunction read = table.For(Planck18);

        // T up to a constant: compare ratios to the value at k = 1e-3, between the nodes.
        double norm = read.Transfer(1e-3) / Analytic.Transfer(1e-3);
        foreach (double k in TransferTableFiles.LogSpacedK(1.3e-3, 9.0, 37))
        {
            Assert.Equal(Analytic.Transfer(k), read.Transfer(k) / norm, Analytic.Transfer(k) * 1e-4);
        }

        Assert.Equal(format == "power" ? TransferTableQuantity.Power : TransferTableQuantity.Transfer, table.Quantity);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_mass_function_sigma_of_a_table_matches_the_analytic_one_it_was_written_from(string format)
    {
        FlatLcdm fromTable = Planck18 with { Transfer = TransferFunctionChoice.FromTable(TransferTableReader.Read(WriteGood(format))) };
        foreach (double mass in new[] { 1e13, 1e14, 1e15 })
        {
            double expected = PowerSpectrum.MassVariance.Sigma(mass, 0.0, Planck18);
            Assert.Equal(expected, PowerSpectrum.MassVariance.Sigma(mass, 0.0, fromTable), expected * 1e-4);
        }
    }

    [Fact]
    public void A_table_read_twice_is_the_same_choice_and_shares_one_sigma_table()
    {
        string path = WriteGood("camb-transfer");
        FlatLcdm a = Planck18 with { Transfer = TransferFunctionChoice.FromTable(TransferTableReader.Read(path)) };
        FlatLcdm b = Planck18 with { Transfer = TransferFunctionChoice.FromTable(TransferTableReader.Read(path)) };
        Assert.Equal(a, b);
        Assert.Same(SigmaTable.For(a), SigmaTable.For(b));
        Assert.Equal("table:planck18_transfer_out.dat", a.Transfer.Name);
    }

    [Fact]
    public void A_non_monotone_k_is_refused_naming_the_file_and_line()
    {
        string good = File.ReadAllText(WriteGood("power"));
        string[] lines = good.Split('\n');
        (lines[10], lines[11]) = (lines[11], lines[10]);   // two data lines swapped: line 12 goes back in k
        AssertRefused(_files.Text("swapped_pk.dat", string.Join('\n', lines)), "swapped_pk.dat", 12, "increase");
    }

    [Fact]
    public void A_NaN_is_refused_naming_the_file_and_line()
    {
        string[] lines = File.ReadAllText(WriteGood("camb-transfer")).Split('\n');
        string[] fields = lines[20].Split("  ");
        fields[6] = "NaN";
        lines[20] = string.Join("  ", fields);
        AssertRefused(_files.Text("nan_transfer_out.dat", string.Join('\n', lines)), "nan_transfer_out.dat", 21, "finite");
    }

    [Fact]
    public void A_table_too_narrow_for_the_sigma_integrals_is_refused_naming_the_file()
    {
        string path = _files.Power("narrow_pk.dat", Analytic, Planck18.Ns, TransferTableFiles.LogSpacedK(1e-3, 1.0, 100));
        var e = Assert.Throws<ArgumentException>(() => TransferTableReader.Read(path));
        Assert.Contains("narrow_pk.dat", e.Message, StringComparison.Ordinal);
        Assert.Contains(TransferTable.RequiredMaxKHOverMpc.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_garbage_line_is_refused_naming_the_file_and_line()
    {
        string[] lines = File.ReadAllText(WriteGood("class-tk")).Split('\n');
        lines[30] = "this is not a number line at all nine";
        AssertRefused(_files.Text("garbage_tk.dat", string.Join('\n', lines)), "garbage_tk.dat", 31, "not a number");
    }

    [Fact]
    public void A_line_with_a_different_number_of_columns_is_refused_naming_the_file_and_line()
    {
        string[] lines = File.ReadAllText(WriteGood("power")).Split('\n');
        lines[5] += "  1.0";
        AssertRefused(_files.Text("ragged_pk.dat", string.Join('\n', lines)), "ragged_pk.dat", 6, "columns");
    }

    [Fact]
    public void The_transfer_option_names_a_missing_table_by_its_full_path()
    {
        string missing = Path.Combine(_files.Folder, "absent_tk.dat");
        var e = Assert.Throws<ArgumentException>(() => TransferFunctionChoice.Parse(TransferFunctionChoice.TablePrefix + missing));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(string path, string fileName, int line, string reason)
    {
        var e = Assert.ThrowsAny<Exception>(() => TransferTableReader.Read(path));
        Assert.True(e is InvalidDataException or ArgumentException, e.GetType().Name);
        Assert.Contains(fileName, e.Message, StringComparison.Ordinal);
        Assert.Matches($@"(:{line}:|line {line}\b)", e.Message);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);

        // Through the service option as well: an ArgumentException with the same message.
        var option = Assert.Throws<ArgumentException>(() => TransferFunctionChoice.Parse(TransferFunctionChoice.TablePrefix + path));
        Assert.Contains(fileName, option.Message, StringComparison.Ordinal);
    }
}
