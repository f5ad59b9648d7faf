using StreamProcessor.MassFunctionService;

// No subcommand: the posteriors.mass → massfunction service. `check`: the end-to-end science check. This file only wires them.
var root = MassFunctionCommands.Root(args);
return await root.Parse(args).InvokeAsync(MassFunctionCommands.Invocation);
