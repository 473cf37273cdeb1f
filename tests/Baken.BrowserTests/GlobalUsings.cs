global using Baken.BrowserTests.Infrastructure;
global using Baken.Testing;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
