namespace Baken;

/// <summary>Marker for the shared UI texts in <c>Resources/SharedResource.resx</c> (Dutch) and <c>.en.resx</c> (English).</summary>
public sealed class SharedResource;
