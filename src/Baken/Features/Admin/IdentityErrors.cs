using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin;

/// <summary>Turns Identity's error codes into our own Dutch or English messages next to the right field.</summary>
public static class IdentityErrors
{
    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, IStringLocalizer t, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            var (field, key) = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => ("Email", "User_EmailTaken"),
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => ("Email", "User_EmailInvalid"),
                nameof(IdentityErrorDescriber.PasswordTooShort) => ("Password", "User_PasswordLength"),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => ("Password", "User_PasswordVariety"),
                _ => (string.Empty, "Form_UnexpectedError"),
            };
            modelState.AddModelError(field.Length == 0 ? string.Empty : $"{prefix}.{field}", t[key]);
        }
    }
}
