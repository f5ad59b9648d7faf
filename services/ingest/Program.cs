using StreamProcessor.IngestCli;

return await IngestCommands.CreateRoot().Parse(args).InvokeAsync();
