namespace StreamProcessor.Contracts.Schemas;

/// <summary>
/// The evolution rules of schemas/README.md as code. Within one major version a newer minor version may only add
/// nullable fields; every existing field keeps its type, nullability, element nullability, shape, unit, range and
/// allowed values (readers validate them, so widening a range breaks old readers and narrowing breaks old messages).
/// A published version file is frozen. A new major version may change anything.
/// </summary>
public static class SchemaCompatibility
{
    /// <summary>Problems of <paramref name="next"/> as the successor of <paramref name="previous"/>; empty when compatible.</summary>
    public static IReadOnlyList<string> CheckSuccessor(SchemaDefinition previous, SchemaDefinition next)
    {
        var problems = new List<string>();
        SchemaId before = previous.Id, after = next.Id;
        if (before.Name != after.Name) problems.Add($"name changed from {before.Name} to {after.Name}");
        if (after.Major < before.Major || (after.Major == before.Major && after.Minor <= before.Minor))
        {
            problems.Add($"version {after.Version} does not follow {before.Version}");
        }

        if (after.Major != before.Major) return problems;
        if (previous.KeyField != next.KeyField) problems.Add($"key field changed from {previous.KeyField} to {next.KeyField} within major {after.Major}");
        var nextFields = ByName(next, problems);
        var previousFields = ByName(previous, problems);
        foreach (var old in previous.Fields)
        {
            if (!nextFields.TryGetValue(old.Name, out var now))
            {
                problems.Add($"{after}: field {old.Name} was removed (a field may only be removed in a new major version)");
            }
            else if (old.ContractText() != now.ContractText())
            {
                problems.Add($"{after}: field {old.Name} changed: was '{old.ContractText()}', is '{now.ContractText()}'");
            }
        }

        foreach (var added in next.Fields.Where(f => !previousFields.ContainsKey(f.Name)))
        {
            if (!added.Nullable) problems.Add($"{after}: added field {added.Name} is not nullable (readers of {before.Version} messages would miss it)");
            if (SchemaId.TryParse(after.Name, added.Since) is not { } since || since.Major != after.Major || since.Minor <= before.Minor || since.Minor > after.Minor)
            {
                problems.Add($"{after}: added field {added.Name} says since {added.Since}, expected a version after {before.Version} up to {after.Version}");
            }
        }

        return problems;
    }

    /// <summary>Problems of a published version file edited in place (compared with its committed text); empty when only descriptions changed.</summary>
    public static IReadOnlyList<string> CheckFrozen(SchemaDefinition committed, SchemaDefinition current)
    {
        var problems = new List<string>();
        if (committed.Name != current.Name || committed.Version != current.Version)
        {
            problems.Add($"{committed.Name}/{committed.Version} became {current.Name}/{current.Version}");
        }

        if (committed.KeyField != current.KeyField) problems.Add($"{current.Name}/{current.Version}: key field changed");
        if (!committed.Topics.SequenceEqual(current.Topics, StringComparer.Ordinal))
        {
            problems.Add($"{current.Name}/{current.Version}: topics changed from [{string.Join(", ", committed.Topics)}] to [{string.Join(", ", current.Topics)}]");
        }

        var before = committed.Fields.Select(f => f.ContractText()).Order(StringComparer.Ordinal).ToArray();
        var after = current.Fields.Select(f => f.ContractText()).Order(StringComparer.Ordinal).ToArray();
        foreach (string removed in before.Except(after, StringComparer.Ordinal))
        {
            problems.Add($"{current.Name}/{current.Version}: published field '{removed}' was changed or removed; publish a new version instead");
        }

        foreach (string added in after.Except(before, StringComparer.Ordinal))
        {
            problems.Add($"{current.Name}/{current.Version}: field '{added}' was added to a published version; add it in a new minor version");
        }

        return problems;
    }

    private static Dictionary<string, FieldDefinition> ByName(SchemaDefinition definition, List<string> problems)
    {
        var result = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var field in definition.Fields)
        {
            if (!result.TryAdd(field.Name, field)) problems.Add($"{definition.Name}/{definition.Version}: field {field.Name} appears twice");
        }

        return result;
    }
}
