using StreamProcessor.SubscribeCli;

return await SubscribeCommand.Create().Parse(args).InvokeAsync();
