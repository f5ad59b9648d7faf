using System.Globalization;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.Tests;

/// <summary>Small CAMB- and CLASS-format files written from an analytic T(k), in a temporary folder removed on dispose.</summary>
public sealed class TransferTableFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("transfer-tables-").FullName;

    /// <summary>Log-spaced k in h Mpc⁻¹.</summary>
    public static double[] LogSpacedK(double kMin, double kMax, int count) =>
        [.. Enumerable.Range(0, count).Select(i => kMin * Math.Pow(kMax / kMin, i / (count - 1.0)))];

    /// <summary>A CAMB <c>*_transfer_out.dat</c>: 13 columns, each T/k², the total in column 7.</summary>
    public string CambTransfer(string name, ITransferFunction transfer, IReadOnlyList<double> k) =>
        Write(name, "#    k/h          CDM            baryon         photon         nu             mass_nu        total          no_nu          total_de       Weyl           v_CDM          v_b            v_b-v_c",
            k.Select(kh =>
            {
                double t = transfer.Transfer(kh) / (kh * kh);
                return new[] { kh, t, t, 0.1 * t, 0.1 * t, t, t, t, t, 0.5 * t, -t, -t, 0.0 };
            }));

    /// <summary>A CLASS <c>*_tk.dat</c>: numbered header, δ = −T k² (CLASS's sign), d_m in column 6.</summary>
    public string ClassTransfer(string name, ITransferFunction transfer, IReadOnlyList<double> k) =>
        Write(name, "#    1:k (h/Mpc)              2:d_g                    3:d_b                    4:d_cdm                  5:d_ur                   6:d_m                    7:d_tot                  8:phi                    9:psi",
            k.Select(kh =>
            {
                double d = -transfer.Transfer(kh) * kh * kh * 1e3;
                return new[] { kh, 1.3 * d, d, d, 1.3 * d, d, d, 0.6, 0.6 };
            }));

    /// <summary>A two-column P(k) file (CAMB <c>*_matterpower.dat</c> / CLASS <c>*_pk.dat</c>) with P = 2e7 kⁿˢ T².</summary>
    public string Power(string name, ITransferFunction transfer, double ns, IReadOnlyList<double> k) =>
        Write(name, "#    k (h/Mpc)              P (Mpc/h)^3", k.Select(kh => new[] { kh, 2e7 * Math.Pow(kh, ns) * Math.Pow(transfer.Transfer(kh), 2) }));

    /// <summary>Any text, as a file.</summary>
    public string Text(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string Write(string name, string header, IEnumerable<double[]> rows) =>
        Text(name, "# written by tests/Cosmology.Tests\n" + header + "\n"
                   + string.Concat(rows.Select(r => string.Join("  ", r.Select(v => v.ToString("E8", CultureInfo.InvariantCulture))) + "\n")));
}
