using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Baken.Infrastructure.Web;

public static class ModelStateExtensions
{
    /// <summary>Copies FluentValidation failures into ModelState under the bound prefix (for example <c>Input</c>).</summary>
    public static bool AddValidationResult(this ModelStateDictionary modelState, ValidationResult result, string prefix = "Input")
    {
        foreach (var failure in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? failure.PropertyName : $"{prefix}.{failure.PropertyName}";
            modelState.AddModelError(key, failure.ErrorMessage);
        }

        return result.IsValid;
    }
}
