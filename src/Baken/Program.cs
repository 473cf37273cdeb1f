using Baken.Infrastructure;

var commandLine = BakenCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
builder.AddBaken();

var app = builder.Build();
app.UseBaken();

return await BakenCommands.RunAsync(app, commandLine);

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
