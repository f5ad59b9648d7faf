using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Profiles;

/// <summary>
/// What <see cref="ProfileAssembler"/> made of a file's bin rows: the valid stacked profiles (already through the
/// production codec) and one <see cref="RowRejection"/> per refused row (its profile id in the ClusterId slot).
/// </summary>
/// <param name="Profiles">Valid profiles, in order of first appearance of their id.</param>
/// <param name="Rejections">One entry per refused row; a refused profile contributes one entry per row.</param>
/// <param name="RowsRead">Rows given to the assembler.</param>
/// <param name="RowsAccepted">Rows that became a bin of a valid profile.</param>
public sealed record ProfileAssembly(IReadOnlyList<StackedProfile> Profiles, IReadOnlyList<RowRejection> Rejections, long RowsRead, long RowsAccepted)
{
    public long RowsRejected => RowsRead - RowsAccepted;
}
