namespace StreamProcessor.Trainer.Data;

/// <summary>
/// The samples of a dataset that a filter keeps and the network inputs made from them, back to back: the 2D image each
/// sample carries, or its 3D cube from <see cref="CubeFile"/>. Train (contaminated views) and evaluate (test views)
/// both load through here, so a 3D bundle always sees the cube of the very view whose labels it is scored on.
/// </summary>
internal sealed record ModelInputs(IReadOnlyList<DatasetSample> Samples, float[] Inputs, int InputLength)
{
    /// <summary>Values per 3D cube (50³).</summary>
    public const int CubeLength = Torch.Models.MassCnn3D.CubeSize * Torch.Models.MassCnn3D.CubeSize * Torch.Models.MassCnn3D.CubeSize;

    public static ModelInputs Load(string dataDirectory, InputArchitecture architecture, Func<DatasetSample, bool> keep)
    {
        // DatasetFile.Read calls the filter once per record, in file order: counting its calls gives each kept
        // sample's position in samples.bin, which is its cube's position in images3d.bin.
        var positions = new List<int>();
        int position = -1;
        DatasetContents contents = DatasetFile.Read(Path.Combine(dataDirectory, DatasetFile.SamplesFileName), s =>
        {
            position++;
            if (!keep(s)) return false;
            positions.Add(position);
            return true;
        });
        IReadOnlyList<DatasetSample> samples = contents.Samples;
        if (architecture == InputArchitecture.Cube3D)
        {
            float[] cubes = CubeFile.Read(Path.Combine(dataDirectory, CubeFile.FileName), positions, CubeLength, position + 1);
            return new ModelInputs(samples, cubes, CubeLength);
        }

        int length = contents.ImageRows * contents.ImageColumns;
        var images = new float[(long)samples.Count * length];
        for (int i = 0; i < samples.Count; i++) samples[i].Image.CopyTo(images, (long)i * length);
        return new ModelInputs(samples, images, length);
    }
}
