// Console output goes to the current test's output, so tests can read what the app printed (setup link, refusals).
[assembly: CaptureConsole]
