namespace Baken.Infrastructure;

public enum BakenCommand
{
    Serve,
    Migrate,
    VerifyLog,
    KeysRotate,
    RetentionRun,
}

/// <summary>
/// Splits Baken's own subcommands and flags (<c>migrate</c>, <c>verify-log</c>, <c>keys rotate</c>, <c>retention run</c>, <c>--demo</c>, <c>--data-dir</c>) from the
/// arguments that go to the ASP.NET Core host (<c>--urls</c> and configuration overrides).
/// </summary>
public sealed record BakenCommandLine(BakenCommand Command, string[] HostArgs)
{
    public static BakenCommandLine Parse(string[] args)
    {
        var command = BakenCommand.Serve;
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (i == 0 && arg == "migrate")
            {
                command = BakenCommand.Migrate;
            }
            else if (i == 0 && arg == "verify-log")
            {
                command = BakenCommand.VerifyLog;
            }
            else if (i == 0 && arg == "keys" && args.Length > 1 && args[1] == "rotate")
            {
                command = BakenCommand.KeysRotate;
                i++;
            }
            else if (i == 0 && arg == "retention" && args.Length > 1 && args[1] == "run")
            {
                command = BakenCommand.RetentionRun;
                i++;
            }
            else if (arg == "--demo")
            {
                hostArgs.Add("--Baken:Demo=true");
            }
            else if (arg == "--data-dir" && i + 1 < args.Length)
            {
                hostArgs.Add($"--Baken:DataDirectory={args[++i]}");
            }
            else if (arg.StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                hostArgs.Add($"--Baken:DataDirectory={arg["--data-dir=".Length..]}");
            }
            else
            {
                hostArgs.Add(arg);
            }
        }

        return new BakenCommandLine(command, [.. hostArgs]);
    }
}
