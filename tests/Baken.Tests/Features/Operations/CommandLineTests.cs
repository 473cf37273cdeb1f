using Baken.Infrastructure;

namespace Baken.Tests.Features.Operations;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[] { }, BakenCommand.Serve)]
    [InlineData(new[] { "migrate" }, BakenCommand.Migrate)]
    [InlineData(new[] { "verify-log" }, BakenCommand.VerifyLog)]
    [InlineData(new[] { "keys", "rotate" }, BakenCommand.KeysRotate)]
    [InlineData(new[] { "retention", "run" }, BakenCommand.RetentionRun)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0" }, BakenCommand.Serve)]
    public void Subcommands_are_recognised_only_in_first_place(string[] args, BakenCommand expected)
    {
        BakenCommandLine.Parse(args).Command.ShouldBe(expected);
        BakenCommandLine.Parse(["--demo", .. args]).Command.ShouldBe(BakenCommand.Serve, "after a flag it is an argument, not a subcommand");
    }

    [Fact]
    public void Baken_flags_become_settings_and_the_rest_goes_to_the_host()
    {
        var parsed = BakenCommandLine.Parse(["--demo", "--data-dir", "/tmp/x", "--urls", "http://127.0.0.1:0"]);
        parsed.HostArgs.ShouldBe(["--Baken:Demo=true", "--Baken:DataDirectory=/tmp/x", "--urls", "http://127.0.0.1:0"]);
    }
}
