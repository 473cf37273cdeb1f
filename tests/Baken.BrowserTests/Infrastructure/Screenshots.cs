namespace Baken.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots for humans, in the build output (bin/…/screenshots), never in the repository.</summary>
public static class Screenshots
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    /// <summary>Removes the failure screenshots of an earlier run, so the folder shows only this run's failures.</summary>
    public static void DeleteOldFailures()
    {
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "failed-*.png"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Best effort: the page may already be gone when a test fails.</summary>
    public static async Task SaveFailureAsync(IPage page)
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "unknown";
        var name = "failed-" + string.Concat(test.Split(Path.GetInvalidFileNameChars())).Replace(' ', '_');
        try
        {
            await page.SaveScreenshotAsync(name);
            TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of the failure: {Path.Combine(Folder, name + ".png")}");
        }
        catch (PlaywrightException)
        {
        }
    }
}
