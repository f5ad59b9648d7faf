using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Catalogues;

/// <summary>
/// What <see cref="CatalogueAssembler"/> made of a set of member rows: the valid catalogues (already through the
/// production codec, so exactly what a consumer will decode) and one <see cref="RowRejection"/> per refused row.
/// </summary>
/// <param name="Catalogues">Valid catalogues, in order of first appearance of their cluster id.</param>
/// <param name="Rejections">One entry per refused row; a refused cluster contributes one entry per row.</param>
/// <param name="RowsRead">Rows given to the assembler.</param>
/// <param name="RowsAccepted">Rows that became a member of a valid catalogue.</param>
public sealed record CatalogueAssembly(
    IReadOnlyList<ClusterCatalogue> Catalogues,
    IReadOnlyList<RowRejection> Rejections,
    long RowsRead,
    long RowsAccepted)
{
    public long RowsRejected => RowsRead - RowsAccepted;
}
