namespace StreamProcessor.Deployment.Tests;

/// <summary>
/// A Dockerfile read as instructions (https://docs.docker.com/reference/dockerfile/): comment lines dropped,
/// lines ending in a backslash joined to the next, the keyword upper-cased.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(string relativePath, IReadOnlyList<DockerInstruction> instructions)
    {
        RelativePath = relativePath;
        Instructions = instructions;
    }

    public string RelativePath { get; }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int StageCount => Instructions.Count(i => i.Keyword == "FROM");

    public IEnumerable<DockerInstruction> FinalStage => Instructions.Where(i => i.Stage == StageCount - 1);

    public static Dockerfile Load(string relativePath)
    {
        var instructions = new List<DockerInstruction>();
        string pending = string.Empty;
        int stage = -1;
        foreach (string raw in RepositoryRoot.ReadAllText(relativePath).Split('\n'))
        {
            string line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            string text = (pending + line).Trim();
            pending = string.Empty;
            if (text.Length == 0)
            {
                continue;
            }

            int space = text.IndexOfAny([' ', '\t']);
            string keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerInstruction(keyword, space < 0 ? string.Empty : text[(space + 1)..].Trim(), stage));
        }

        return new Dockerfile(relativePath, instructions);
    }
}
