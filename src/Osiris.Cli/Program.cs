using Osiris.Cli;

// The osiris tool: the engine outside the compiler. Everything happens in OsirisCli.Run, which tests call directly.
return OsirisCli.Run(args, CliHost.FromConsole());
