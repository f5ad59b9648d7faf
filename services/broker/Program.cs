using System.CommandLine;
using StreamProcessor.Broker;

var brokers = new Option<int>("--brokers") { Description = "Number of mock brokers in the cluster.", DefaultValueFactory = _ => 1 };
var addressFile = new Option<FileInfo?>("--address-file") { Description = "Also write the bootstrap address to this file (for scripts and tests)." };
var root = new RootCommand("Embedded Kafka-protocol broker (librdkafka mock cluster) with every StreamProcessor topic created.")
{
    brokers,
    addressFile,
};
root.SetAction((parse, token) => StandaloneBroker.RunAsync(parse.GetValue(brokers), parse.GetValue(addressFile), Console.In, Console.Out, token));
return await root.Parse(args).InvokeAsync();
