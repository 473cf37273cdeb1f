using System.Net;

namespace Baken.Tests.Features.Errors;

/// <summary>
/// A form the server cannot read (a NUL character, which no browser sends but a script can) is a bad request
/// with the friendly page of its own area, never a 500.
/// </summary>
public sealed class UnreadableFormTests(SharedApps apps)
{
    [Theory]
    [Databases]
    public async Task A_NUL_character_in_a_posted_field_answers_400_with_the_error_page_on_public_and_staff_forms(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        var forms = new (string Url, string Field, bool Public)[]
        {
            ("/Account/Login", "Input.Email", false),
            ("/Contact", "Message", true),
            ("/Portal/Help", "Alias", true),
            ("/en/Portal/Help", "Alias", true),
        };

        foreach (var (url, field, isPublic) in forms)
        {
            var response = await client.SubmitAsync(url, new Dictionary<string, string> { [field] = "a\0b" });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            var page = await BakenClient.ReadAsync(response);
            page.QuerySelector("main h1").ShouldNotBeNull(url);
            page.QuerySelector("main code").ShouldBeNull($"{url}: a bad request is not an error of ours, so no error id");
            (page.QuerySelector("#quick-exit") is not null).ShouldBe(isPublic, $"{url}: the public layout keeps its quick exit");
        }
    }
}
