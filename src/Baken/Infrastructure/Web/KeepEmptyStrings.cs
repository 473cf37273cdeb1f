using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Baken.Infrastructure.Web;

/// <summary>
/// An empty form field binds as an empty string, not null, so a command's non-nullable strings stay non-null
/// and the validator (not a NullReferenceException) tells the user what is missing.
/// </summary>
public sealed class KeepEmptyStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context) =>
        context.DisplayMetadata.ConvertEmptyStringToNull = false;
}
