namespace Baken.Bench.Load;

public static class LoadCommand
{
    public static Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        _ = arguments;
        output.WriteLine("The load harness is being built.");
        return Task.FromResult(2);
    }
}
