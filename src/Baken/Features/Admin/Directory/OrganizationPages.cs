using Baken.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Baken.Features.Admin.Directory;

/// <summary>What the organisation create and edit pages share: the Baken organisations to link to, and the checks against them.</summary>
public static class OrganizationPages
{
    public const string BakenOrganisationsKey = "BakenOrganisations";

    public static async Task LoadOptionsAsync(BakenDbContext db, ViewDataDictionary viewData, CancellationToken cancellationToken) =>
        viewData[BakenOrganisationsKey] = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken);

    /// <summary>Trims and validates the form, including that a chosen Baken organisation exists.</summary>
    public static async Task<bool> ValidateAsync(BakenDbContext db, OrganizationForm input, ModelStateDictionary modelState, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var valid = Infrastructure.Web.ModelStateExtensions.AddValidationResult(modelState, new OrganizationForm.Validator(t).Validate(input));
        if (input.OrganisationId is { } chosen && !await db.Organisations.AnyAsync(o => o.Id == chosen, cancellationToken))
        {
            modelState.AddModelError("Input.OrganisationId", t["Form_InvalidChoice"]);
            valid = false;
        }

        return valid && modelState.IsValid;
    }
}
