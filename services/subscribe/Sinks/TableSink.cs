using Spectre.Console;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli.Sinks;

/// <summary>A Spectre.Console table of the scalar columns (lists summarised), printed when reading ends.</summary>
public sealed class TableSink(MessageSchema schema, TextWriter writer, bool ownsWriter) : IRecordSink
{
    private readonly IReadOnlyList<string> _columns = [.. schema.Fields.Select(f => f.Name)];
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
        foreach (var row in _rows) table.AddRow([.. _columns.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(CellText.Short(row.GetValueOrDefault(c))))]);
        console.Write(table);
        await writer.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsWriter) await writer.DisposeAsync();
    }
}
