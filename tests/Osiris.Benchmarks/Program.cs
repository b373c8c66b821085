using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Osiris.Benchmarks.ScheduleBenchmarks).Assembly).Run(args);
