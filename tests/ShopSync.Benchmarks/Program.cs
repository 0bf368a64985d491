using ShopSync.Benchmarks;

return await BenchmarkCommands.RunAsync(args);
