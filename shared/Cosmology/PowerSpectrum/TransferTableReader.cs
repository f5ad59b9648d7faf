using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Reads the standard text outputs of CAMB and CLASS into a <see cref="TransferTable"/>; '#' lines are headers, k is
/// always the first column, in h Mpc⁻¹:
/// <list type="bullet">
/// <item>two columns (CAMB <c>*_matterpower.dat</c>, CLASS <c>*_pk.dat</c>): k, P(k) in h⁻³ Mpc³;</item>
/// <item>CLASS <c>*_tk.dat</c> (a header naming <c>d_m</c> or <c>d_tot</c>): T ∝ |δ_m| / k², δ_m being the column
/// <c>d_m</c> (else <c>d_tot</c>), in CLASS's normalisation to unit initial curvature, where δ ∝ k² on large scales;</item>
/// <item>seven or more columns otherwise (CAMB <c>*_transfer_*.dat</c>, or CLASS with <c>format = camb</c>): k, CDM, baryon,
/// photon, massless ν, massive ν, total, …, each T(k)/k²; T ∝ k² × total (column 7).</item>
/// </list>
/// Errors name the file and line: <see cref="InvalidDataException"/> for what cannot be parsed,
/// <see cref="ArgumentException"/> (from <see cref="TransferTable"/>) for values that are not a usable table.
/// </summary>
public static partial class TransferTableReader
{
    /// <summary>The CAMB transfer file's column of the total matter transfer function (1-based).</summary>
    public const int CambTotalColumn = 7;

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static TransferTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var k = new List<double>();
        var raw = new List<double>();
        var lineNumbers = new List<int>();
        string? lastHeader = null;
        Layout? layout = null;
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            string text = line.Trim();
            if (text.Length == 0) continue;
            if (text.StartsWith('#'))
            {
                lastHeader = text;
                continue;
            }

            string[] fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            layout ??= Detect(path, lineNumber, fields.Length, lastHeader);
            if (fields.Length != layout.Columns)
                throw new InvalidDataException($"{path}:{lineNumber}: {fields.Length} columns where the first data line has {layout.Columns}.");
            k.Add(Number(path, lineNumber, fields[0]));
            raw.Add(Number(path, lineNumber, fields[layout.ValueColumn - 1]));
            lineNumbers.Add(lineNumber);
        }

        if (layout is null) throw new InvalidDataException($"{path}: no data lines.");
        return new TransferTable(path, layout.Format == Format.Power ? TransferTableQuantity.Power : TransferTableQuantity.Transfer,
            k, [.. raw.Select((value, i) => Convert(layout.Format, k[i], value, raw[0]))], lineNumbers);
    }

    /// <summary>The value column as T or P; a CLASS δ takes the sign of its first row (CLASS's curvature convention).</summary>
    private static double Convert(Format format, double kHOverMpc, double value, double first) => format switch
    {
        Format.Power => value,
        Format.ClassDelta => Math.Sign(first) * value / (kHOverMpc * kHOverMpc),
        _ => value * kHOverMpc * kHOverMpc,
    };

    private static Layout Detect(string path, int lineNumber, int columns, string? header)
    {
        if (columns == 2) return new Layout(2, 2, Format.Power);
        if (header is not null && (ClassColumn(header, "d_m") ?? ClassColumn(header, "d_tot")) is int delta && delta <= columns)
            return new Layout(columns, delta, Format.ClassDelta);
        if (columns >= CambTotalColumn) return new Layout(columns, CambTotalColumn, Format.CambTransfer);
        throw new InvalidDataException(
            $"{path}:{lineNumber}: {columns} columns: not a CAMB or CLASS P(k) (2 columns), CLASS transfer (a header naming d_m or d_tot) " +
            $"or CAMB transfer ({CambTotalColumn} or more columns) file.");
    }

    private static int? ClassColumn(string header, string name)
    {
        foreach (Match m in ClassHeaderColumn().Matches(header))
        {
            if (m.Groups[2].Value == name) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static double Number(string path, int lineNumber, string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new InvalidDataException($"{path}:{lineNumber}: '{field}' is not a number.");

    // CLASS headers number their columns: "#    1:k (h/Mpc)    2:d_g    3:d_b ... 7:d_m    8:d_tot".
    [GeneratedRegex(@"(\d+):([A-Za-z_\[\]0-9]+)")]
    private static partial Regex ClassHeaderColumn();

    private enum Format
    {
        Power,
        ClassDelta,
        CambTransfer,
    }

    /// <summary>How a file's rows map to (k, value): column count, value column (1-based), format.</summary>
    private sealed record Layout(int Columns, int ValueColumn, Format Format);
}
