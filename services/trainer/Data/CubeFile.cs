using System.Runtime.InteropServices;

namespace StreamProcessor.Trainer.Data;

/// <summary>
/// <c>images3d.bin</c>, written by <c>trainer simulate --kde-3d</c>: the 50³ (x, y, v_los) KDE cube of every sample of
/// <c>samples.bin</c>, in the same order, as raw little-endian float32 with no header (500 kB per cube). Cubes are
/// read by sample index with seeks, so a training run holds only the cubes it uses (the contaminated views), never the
/// whole file.
/// </summary>
internal static class CubeFile
{
    public const string FileName = "images3d.bin";

    /// <summary>The cubes of samples <paramref name="indices"/> (positions in samples.bin), back to back.</summary>
    /// <param name="path">The images3d.bin file.</param>
    /// <param name="indices">Sample positions, in the order the cubes are wanted.</param>
    /// <param name="cubeLength">Values per cube (125,000 for 50³).</param>
    /// <param name="sampleCount">Samples in samples.bin: the file must hold exactly as many cubes.</param>
    public static float[] Read(string path, IReadOnlyList<int> indices, int cubeLength, int sampleCount)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: the 3D network needs a dataset made with `trainer simulate --kde-3d`.", path);
        }

        long cubeBytes = (long)cubeLength * sizeof(float);
        long length = new FileInfo(path).Length;
        if (length != cubeBytes * sampleCount)
        {
            throw new InvalidDataException($"{path} holds {length} bytes; {sampleCount} samples of {cubeLength} float32 values need {cubeBytes * sampleCount}.");
        }

        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The dataset format is little-endian.");
        var cubes = new float[(long)indices.Count * cubeLength];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        for (int i = 0; i < indices.Count; i++)
        {
            long offset = indices[i] * cubeBytes;
            if (stream.Position != offset) stream.Seek(offset, SeekOrigin.Begin);
            stream.ReadExactly(MemoryMarshal.AsBytes(cubes.AsSpan((int)((long)i * cubeLength), cubeLength)));
        }

        return cubes;
    }
}
