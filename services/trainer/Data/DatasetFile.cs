using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace StreamProcessor.Trainer.Data;

/// <summary>
/// The compact binary dataset <c>samples.bin</c>: little-endian header (magic "SPMD", version, image rows, image
/// columns), then one record per sample: int32 halo id, int32 line of sight, byte sign-flipped, byte contaminated,
/// int32 richness, int32 interlopers, float64 log10 M200c, float64 redshift, float64 σ_los (km/s), float64 log10 M_vir,
/// then (from version 2) int32 member count n, n float64 R_proj (h⁻¹ Mpc) and n float64 v_los (km/s) of the kept
/// galaxies, then rows × columns float32 image values. Records are appended until end of file, so a reader needs no
/// count. Version 1 files (no members) still read, with empty member lists.
/// </summary>
public static class DatasetFile
{
    public const string SamplesFileName = "samples.bin";
    public const string ManifestFileName = "manifest.json";
    private const uint Magic = 0x444D5053; // "SPMD" little-endian
    private const int Version = 2;
    private const int FirstVersionWithMembers = 2;
    private const int HeaderBytes = 16;
    private const int FixedRecordBytes = 4 + 4 + 1 + 1 + 4 + 4 + (4 * 8);

    /// <summary>Writes samples to a stream opened by the caller; returns the writer to append more.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly Stream _stream;
        private readonly int _imageLength;
        private readonly byte[] _fixed = new byte[FixedRecordBytes];

        public Writer(string path, int rows, int columns)
        {
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            _imageLength = rows * columns;
            Span<byte> header = stackalloc byte[HeaderBytes];
            BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], rows);
            BinaryPrimitives.WriteInt32LittleEndian(header[12..], columns);
            _stream.Write(header);
        }

        public int Count { get; private set; }

        public void Write(DatasetSample sample)
        {
            if (sample.Image.Length != _imageLength) throw new ArgumentException($"Image has {sample.Image.Length} values, expected {_imageLength}.", nameof(sample));
            Span<byte> b = _fixed;
            BinaryPrimitives.WriteInt32LittleEndian(b, sample.HaloId);
            BinaryPrimitives.WriteInt32LittleEndian(b[4..], sample.LineOfSight);
            b[8] = sample.VelocitySignFlipped ? (byte)1 : (byte)0;
            b[9] = sample.Contaminated ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32LittleEndian(b[10..], sample.Richness);
            BinaryPrimitives.WriteInt32LittleEndian(b[14..], sample.InterloperCount);
            BinaryPrimitives.WriteDoubleLittleEndian(b[18..], sample.Log10M200c);
            BinaryPrimitives.WriteDoubleLittleEndian(b[26..], sample.Redshift);
            BinaryPrimitives.WriteDoubleLittleEndian(b[34..], sample.SigmaLosKmPerS);
            BinaryPrimitives.WriteDoubleLittleEndian(b[42..], sample.Log10MVirial);
            _stream.Write(b);
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The dataset format is little-endian.");
            if (sample.MemberRProjMpcOverH.Length != sample.MemberVLosKmPerS.Length) throw new ArgumentException("Member radii and velocities differ in length.", nameof(sample));
            Span<byte> count = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(count, sample.MemberRProjMpcOverH.Length);
            _stream.Write(count);
            _stream.Write(MemoryMarshal.AsBytes(sample.MemberRProjMpcOverH.AsSpan()));
            _stream.Write(MemoryMarshal.AsBytes(sample.MemberVLosKmPerS.AsSpan()));
            _stream.Write(MemoryMarshal.AsBytes(sample.Image.AsSpan()));
            Count++;
        }

        public void Dispose() => _stream.Dispose();
    }

    /// <summary>
    /// Reads every sample that <paramref name="keep"/> accepts (its image and members are only materialised for kept
    /// samples; <paramref name="withImages"/> false leaves the images empty, for the baselines that need no image).
    /// </summary>
    public static DatasetContents Read(string path, Func<DatasetSample, bool>? keep = null, bool withImages = true)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        Span<byte> header = stackalloc byte[HeaderBytes];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic) throw new InvalidDataException($"{path} is not a StreamProcessor mock dataset.");
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version is < 1 or > Version) throw new InvalidDataException($"{path}: dataset version {version}, this trainer reads 1 to {Version}.");
        int rows = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        int columns = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        int imageLength = rows * columns;
        var fixedBytes = new byte[FixedRecordBytes];
        var imageBytes = new byte[imageLength * sizeof(float)];
        var countBytes = new byte[4];
        var samples = new List<DatasetSample>();
        while (stream.Position < stream.Length)
        {
            stream.ReadExactly(fixedBytes);
            byte[] memberBytes = [];
            if (version >= FirstVersionWithMembers)
            {
                stream.ReadExactly(countBytes);
                int members = BinaryPrimitives.ReadInt32LittleEndian(countBytes);
                if (members < 0) throw new InvalidDataException($"{path}: a record lists {members} members.");
                memberBytes = members == 0 ? [] : new byte[2 * members * sizeof(double)];
                stream.ReadExactly(memberBytes);
            }
            stream.ReadExactly(imageBytes);
            ReadOnlySpan<byte> b = fixedBytes;
            var sample = new DatasetSample
            {
                HaloId = BinaryPrimitives.ReadInt32LittleEndian(b),
                LineOfSight = BinaryPrimitives.ReadInt32LittleEndian(b[4..]),
                VelocitySignFlipped = b[8] != 0,
                Contaminated = b[9] != 0,
                Richness = BinaryPrimitives.ReadInt32LittleEndian(b[10..]),
                InterloperCount = BinaryPrimitives.ReadInt32LittleEndian(b[14..]),
                Log10M200c = BinaryPrimitives.ReadDoubleLittleEndian(b[18..]),
                Redshift = BinaryPrimitives.ReadDoubleLittleEndian(b[26..]),
                SigmaLosKmPerS = BinaryPrimitives.ReadDoubleLittleEndian(b[34..]),
                Log10MVirial = BinaryPrimitives.ReadDoubleLittleEndian(b[42..]),
                Image = [],
            };
            if (keep is null || keep(sample))
            {
                ReadOnlySpan<double> members = MemoryMarshal.Cast<byte, double>(memberBytes);
                int n = members.Length / 2;
                samples.Add(sample with
                {
                    Image = withImages ? MemoryMarshal.Cast<byte, float>(imageBytes).ToArray() : [],
                    // [] rather than new double[0]: an empty list is the one shared empty array, as in a version 1 sample.
                    MemberRProjMpcOverH = n == 0 ? [] : members[..n].ToArray(),
                    MemberVLosKmPerS = n == 0 ? [] : members[n..].ToArray(),
                });
            }
        }
        return new DatasetContents(rows, columns, samples);
    }
}
