namespace StreamProcessor.Contracts;

/// <summary>
/// A schema's name and semantic version. Within one major version a new minor version may only add
/// nullable fields, so a reader accepts every minor version of its major (see schemas/README.md).
/// </summary>
public sealed record SchemaId(string Name, int Major, int Minor)
{
    /// <summary>"major.minor", the form used in headers and Arrow schema metadata.</summary>
    public string Version => $"{Major}.{Minor}";

    public override string ToString() => $"{Name}/{Version}";

    /// <summary>True when a message written under <paramref name="written"/> can be read by this schema's reader.</summary>
    public bool CanRead(SchemaId written) => written.Name == Name && written.Major == Major;

    /// <summary>Parses "major.minor"; null when the text is not of that form.</summary>
    public static SchemaId? TryParse(string name, string? version)
    {
        if (version is null) return null;
        var parts = version.Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int major) || !int.TryParse(parts[1], out int minor)) return null;
        return new SchemaId(name, major, minor);
    }
}
