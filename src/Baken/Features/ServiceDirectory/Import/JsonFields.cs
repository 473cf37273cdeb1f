using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Baken.Features.ServiceDirectory.Import;

/// <summary>
/// Typed reads from a JSON object that never throw: a missing, mistyped or malformed value becomes an error
/// with its JSON path, and reading goes on, so one pass over a file finds everything that is wrong with it.
/// A JSON <c>null</c> counts as absent (many HSDS producers write optional fields as null).
/// </summary>
internal sealed partial class JsonFields(IStringLocalizer t)
{
    /// <summary>The longest piece of a file's own text repeated in a message.</summary>
    private const int Quoted = 60;

    public List<ImportError> Errors { get; } = [];

    public void Error(string path, string message) => Errors.Add(new ImportError(path, message));

    public static string At(string path, string name) => $"{path}.{name}";

    public static string At(string path, string name, int index) => $"{path}.{name}[{index}]";

    public static string Quote(string value) => value.Length <= Quoted ? value : value[..Quoted] + "…";

    private static bool Has(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Trimmed text; null when absent or empty (an error when required), too long, or holding control characters.</summary>
    public string? Text(JsonElement obj, string path, string name, int max, bool required = false, bool multiline = false)
    {
        var at = At(path, name);
        if (!Has(obj, name, out var value))
        {
            return Missing(at, required);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(at, t["DirectoryImport_NotText"]);
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!.Trim();
        }
        catch (InvalidOperationException)
        {
            // An escaped half of a surrogate pair ("\ud800"): valid JSON syntax, but no text.
            Error(at, t["DirectoryImport_ControlCharacters"]);
            return null;
        }

        if (text.Length == 0)
        {
            return Missing(at, required);
        }

        if (text.Length > max)
        {
            Error(at, t["DirectoryImport_TooLong", max]);
            return null;
        }

        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            Error(at, t["DirectoryImport_ControlCharacters"]);
            return null;
        }

        return text;
    }

    private string? Missing(string at, bool required)
    {
        if (required)
        {
            Error(at, t["DirectoryImport_Required"]);
        }

        return null;
    }

    /// <summary>A uuid in its usual form (8-4-4-4-12 hexadecimal digits), not the empty one.</summary>
    public Guid? Id(JsonElement obj, string path, string name, bool required = true)
    {
        var text = Text(obj, path, name, 36, required);
        if (text is null)
        {
            return null;
        }

        if (!Guid.TryParseExact(text, "D", out var id) || id == Guid.Empty)
        {
            Error(At(path, name), t["DirectoryImport_NotUuid"]);
            return null;
        }

        return id;
    }

    /// <summary>Where an item names its parent (e.g. a service's <c>organization_id</c>), it must be the one it is nested in.</summary>
    public void Parent(JsonElement obj, string path, string name, Guid? parent)
    {
        if (Has(obj, name, out _) && Id(obj, path, name) is { } id && parent is { } expected && id != expected)
        {
            Error(At(path, name), t["DirectoryImport_WrongParent"]);
        }
    }

    public int? Whole(JsonElement obj, string path, string name, int min, int max)
    {
        var at = At(path, name);
        if (!Has(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number != decimal.Truncate(number))
        {
            Error(at, t["DirectoryImport_NotWhole"]);
            return null;
        }

        if (number < min || number > max)
        {
            Error(at, t["DirectoryImport_OutOfRange", min, max]);
            return null;
        }

        return (int)number;
    }

    /// <summary>One of a fixed list of values (HSDS enums), exactly as the specification writes them.</summary>
    public string? Choice(JsonElement obj, string path, string name, IReadOnlyList<string> allowed, bool required = false)
    {
        var text = Text(obj, path, name, 100, required);
        if (text is not null && !allowed.Contains(text))
        {
            Error(At(path, name), t["DirectoryImport_UnknownValue", Quote(text), string.Join(", ", allowed)]);
            return null;
        }

        return text;
    }

    public string? Url(JsonElement obj, string path, string name)
    {
        var text = Text(obj, path, name, DirectoryRules.UrlLength);
        if (text is not null && !DirectoryRules.IsHttpsUrl(text))
        {
            Error(At(path, name), t["DirectoryImport_NotHttps"]);
            return null;
        }

        return text;
    }

    /// <summary>An e-mail address; a <c>mailto:</c> link is accepted and stored as the bare address.</summary>
    public string? Email(JsonElement obj, string path, string name)
    {
        var text = Text(obj, path, name, DirectoryRules.EmailLength + 7);
        if (text?.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true)
        {
            text = text[7..];
        }

        if (text is not null && !DirectoryRules.IsEmail(text))
        {
            Error(At(path, name), t["DirectoryImport_NotEmail"]);
            return null;
        }

        return text;
    }

    public DateOnly? Date(JsonElement obj, string path, string name)
    {
        var text = Text(obj, path, name, 10);
        if (text is null)
        {
            return null;
        }

        if (!DirectoryRules.TryDate(text, out var date))
        {
            Error(At(path, name), t["DirectoryImport_NotDate"]);
            return null;
        }

        return date;
    }

    /// <summary>
    /// A clock time, read as Dutch local time. HSDS writes times with an offset; since a weekly time has a
    /// different offset in summer and winter, only the two offsets of Europe/Amsterdam (or none) are accepted.
    /// </summary>
    public TimeOnly? Time(JsonElement obj, string path, string name)
    {
        var text = Text(obj, path, name, 20, required: true);
        if (text is null)
        {
            return null;
        }

        var match = TimePattern().Match(text);
        if (!match.Success || !DirectoryRules.TryTime(match.Groups["time"].Value, out var time))
        {
            Error(At(path, name), t["DirectoryImport_NotTime"]);
            return null;
        }

        if (match.Groups["zone"].Value is { Length: > 0 } zone && zone is not ("+01:00" or "+02:00"))
        {
            Error(At(path, name), t["DirectoryImport_TimeZone"]);
            return null;
        }

        return time;
    }

    /// <summary>The objects of a list; absent is an empty list, anything else than a list or an object is an error.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Objects(JsonElement obj, string path, string name)
    {
        if (!Has(obj, name, out var value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(At(path, name), t["DirectoryImport_NotList"]);
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = At(path, name, index++);
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return (item, at);
            }
            else
            {
                Error(at, t["DirectoryImport_NotObject"]);
            }
        }
    }

    /// <summary>A nested object, or null when absent (an error when it is something else).</summary>
    public JsonElement? Object(JsonElement obj, string path, string name, bool required = false)
    {
        if (!Has(obj, name, out var value))
        {
            Missing(At(path, name), required);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(At(path, name), t["DirectoryImport_NotObject"]);
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"^(?<time>\d{2}:\d{2}(:\d{2})?)(?<zone>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex TimePattern();
}
