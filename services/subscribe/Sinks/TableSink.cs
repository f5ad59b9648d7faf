using Spectre.Console;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli.Sinks;

/// <summary>
/// A Spectre.Console table of the chosen columns (lists summarised, numbers to 6 significant digits), printed when
/// reading ends, with a line naming the columns left out.
/// </summary>
public sealed class TableSink(MessageSchema schema, IReadOnlyList<string> columns, TextWriter writer, bool ownsWriter) : IRecordSink
{
    private readonly IReadOnlyList<string> _columns = columns;
    private readonly List<IReadOnlyDictionary<string, object?>> _rows = [];

    public Task WriteAsync(IReadOnlyDictionary<string, object?> row, object message, CancellationToken cancellationToken)
    {
        _rows.Add(row);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal) console.Profile.Width = 240;
        var table = new Table().Border(TableBorder.Simple);
        foreach (string column in _columns) table.AddColumn(new TableColumn(new Text(column)));
        foreach (var row in _rows) table.AddRow([.. _columns.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(CellText.Short(DerivedColumns.Cell(row, c))))]);
        console.Write(table);
        var hidden = schema.Fields.Select(f => f.Name).Except(_columns, StringComparer.Ordinal).ToList();
        if (hidden.Count > 0)
        {
            await writer.WriteLineAsync($"{hidden.Count} more columns ({string.Join(", ", hidden)}): choose with --columns, or --format csv for all");
        }

        await writer.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsWriter) await writer.DisposeAsync();
    }
}
