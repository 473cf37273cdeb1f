using System.Runtime.CompilerServices;

namespace Baken.BrowserTests.Infrastructure;

/// <summary>A fact that drives the browser: skipped, with the reason, when Chromium is missing outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => Skip = Chromium.SkipReason;
}
