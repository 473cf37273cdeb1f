global using Baken.BrowserTests.Infrastructure;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
