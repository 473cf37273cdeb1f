using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Baken.Tests.ProcessingLog;

/// <summary>
/// Reads the application's source for every action code it can write to the processing log. The codes live at
/// some seventy call sites across the features, many passed through a helper (Touch, ReadAsync, RecordRead,
/// SaveAsync, EraseAsync ...), so a hand-kept list would rot; reading the source follows them instead: each
/// <c>Record</c> call on a <c>ProcessingLogWriter</c>; an action that is a parameter to every caller of its method;
/// a local or a constant to its value; a condition to both its strings; and an interpolated enum
/// (<c>$"TrajectoryMovedTo{to}"</c>) to every member of that enum. An action it cannot follow is a problem, so a
/// new kind of indirection fails the test instead of slipping past it.
/// </summary>
internal sealed class RecordedActionScan
{
    private static readonly HashSet<string> Keywords =
        ["return", "await", "else", "in", "out", "ref", "is", "as", "case", "yield", "throw", "not", "and", "or", "when", "select", "where", "from"];

    private readonly List<Source> _files;
    private readonly HashSet<string> _followed = [];

    private RecordedActionScan(List<Source> files) => _files = files;

    /// <summary>Every action code found, in order.</summary>
    public SortedSet<string> Codes { get; } = new(StringComparer.Ordinal);

    /// <summary>Actions the scan could not follow, with file and line.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>How many <c>Record</c> calls on a processing-log writer were read.</summary>
    public int RecordCalls { get; private set; }

    private sealed record Source(string Path, string Code);

    private sealed record Declaration(string Type, int Index, int End, char Kind);

    public static RecordedActionScan Run(string repositoryRoot)
    {
        var root = Path.Combine(repositoryRoot, "src", "Baken");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj" or "Migrations"))
            .Order(StringComparer.Ordinal)
            .Select(f => new Source(Path.GetRelativePath(repositoryRoot, f), WithoutComments(File.ReadAllText(f))))
            .ToList();
        var scan = new RecordedActionScan(files);
        scan.ReadRecordCalls();
        return scan;
    }

    /// <summary>
    /// The folder holding Baken.slnx, found by walking up from the test's output folder or, when the build output
    /// lives elsewhere (--artifacts-path), from this source file's folder as the compiler recorded it.
    /// </summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory() })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Baken.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Baken.slnx not found above " + AppContext.BaseDirectory);
    }

    private void ReadRecordCalls()
    {
        // The writer's names across all files: a partial class (IntakeRecords.Decisions.cs) uses a field declared in another file.
        var writers = _files.SelectMany(f => Regex.Matches(f.Code, @"\bProcessingLogWriter\s+(\w+)")).Select(m => Regex.Escape(m.Groups[1].Value)).Distinct();
        var calls = new Regex($@"(?:\b(?:{string.Join('|', writers)})|\bProcessingLogWriter>\(\))\s*\.\s*Record\s*\(");
        foreach (var file in _files)
        {
            foreach (Match call in calls.Matches(file.Code))
            {
                RecordCalls++;
                var (args, _) = Arguments(file.Code, call.Index + call.Length - 1, angles: false);
                var where = Where(file, call.Index);
                var action = args.FirstOrDefault(a => Regex.IsMatch(a.Text, @"^action\s*:(?!:)"));
                if (action.Text is null && args.Count < 2)
                {
                    Problems.Add($"{where}: Record without an action");
                    continue;
                }

                var (text, start) = action.Text is null ? args[1] : (action.Text[(action.Text.IndexOf(':', StringComparison.Ordinal) + 1)..], action.Start);
                Evaluate(file, start, text, strict: true, where);
            }
        }

        foreach (var code in Codes.Where(c => !Regex.IsMatch(c, "^[A-Z][A-Za-z0-9]*$")))
        {
            Problems.Add($"'{code}' does not look like an action code");
        }
    }

    /// <summary>
    /// Adds the codes <paramref name="expression"/> can have and returns how many. In <paramref name="strict"/> mode
    /// (an action argument) anything it cannot follow is a problem; at the callers of a helper an argument that is not
    /// a string (the helper shares its name with another method) is simply not an action.
    /// </summary>
    private int Evaluate(Source file, int position, string expression, bool strict, string where)
    {
        var text = expression.Trim().TrimEnd('!');
        var literals = Literals(text);
        if (literals.Count > 0)
        {
            var rest = text;
            foreach (var (start, end) in literals.OrderByDescending(l => l.Start))
            {
                rest = rest[..start] + rest[end..];
            }

            if (rest.Contains('+', StringComparison.Ordinal))
            {
                Problems.Add($"{where}: an action glued together with + ('{text}'); use one string or an interpolation");
            }

            return literals.Sum(l => Expand(file, position + l.Start, text[l.Start..l.End], where));
        }

        if (Regex.Match(text, @"^@?(\w+)$") is { Success: true } identifier)
        {
            return Identifier(file, position, identifier.Groups[1].Value, strict, where);
        }

        if (Regex.IsMatch(text, @"^[\w.]+$"))
        {
            var segments = text.Split('.');
            var owner = _files.Where(f => Regex.IsMatch(f.Code, $@"\b(?:class|record|struct)\s+{segments[^2]}\b"));
            foreach (var source in owner)
            {
                if (Regex.Match(source.Code, $@"\bconst\s+string\s+{segments[^1]}\s*=") is { Success: true } constant)
                {
                    var (value, start) = Initializer(source.Code, constant.Index + constant.Length);
                    return Evaluate(source, start, value, strict, Where(source, constant.Index));
                }
            }
        }

        if (strict)
        {
            Problems.Add($"{where}: cannot tell which action '{text}' is");
        }

        return 0;
    }

    private int Identifier(Source file, int position, string name, bool strict, string where)
    {
        var declaration = Declare(file.Code, position, name);
        if (declaration is null && Regex.Match(file.Code, $@"\bconst\s+string\s+{name}\s*=(?![=>])") is { Success: true } constant)
        {
            declaration = new Declaration("string", constant.Index, constant.Index + constant.Length, '=');
        }

        var isString = declaration?.Type is "string" or "string?" or "var";
        if (declaration is null || !isString)
        {
            if (strict)
            {
                Problems.Add($"{where}: cannot tell which action '{name}' is");
            }

            return 0;
        }

        if (declaration.Kind == '=')
        {
            var (value, start) = Initializer(file.Code, declaration.End);
            return Evaluate(file, start, value, strict, where);
        }

        return Callers(file, declaration, name, strict, where);
    }

    /// <summary>The action is a parameter: what every call of that method passes in its place.</summary>
    private int Callers(Source file, Declaration parameter, string name, bool strict, string where)
    {
        var open = OpenParenthesis(file.Code, parameter.Index);
        var method = MethodName(file.Code, open);
        if (method is null || !_followed.Add($"{file.Path}:{open}"))
        {
            return 0;
        }

        var (parameters, _) = Arguments(file.Code, open, angles: true);
        var index = parameters.FindIndex(p => Regex.IsMatch(p.Text, $@"\b{name}\s*(?:=|$)"));
        if (index < 0)
        {
            Problems.Add($"{where}: '{name}' is not a parameter of {method}");
            return 0;
        }

        var headerStart = file.Code.LastIndexOfAny([';', '{', '}'], open) + 1;
        var isPrivate = !Regex.IsMatch(file.Code[headerStart..open], @"\b(?:public|internal|protected)\b");
        var total = 0;
        foreach (var source in isPrivate ? [file] : _files)
        {
            foreach (Match call in Regex.Matches(source.Code, $@"\b{method}\s*\("))
            {
                var callOpen = call.Index + call.Length - 1;
                if ((source == file && callOpen == open) || IsDeclaration(source.Code, call.Index))
                {
                    continue;
                }

                var (args, _) = Arguments(source.Code, callOpen, angles: false);
                var named = args.FirstOrDefault(a => Regex.IsMatch(a.Text, $@"^{name}\s*:(?!:)"));
                if (named.Text is not null)
                {
                    total += Evaluate(source, named.Start, named.Text[(named.Text.IndexOf(':', StringComparison.Ordinal) + 1)..], strict: false, Where(source, call.Index));
                }
                else if (args.Count > index && args.Count <= parameters.Count && !Regex.IsMatch(args[index].Text, @"^\w+\s*:(?!:)"))
                {
                    total += Evaluate(source, args[index].Start, args[index].Text, strict: false, Where(source, call.Index));
                }
            }
        }

        if (total == 0 && strict)
        {
            Problems.Add($"{where}: the action comes in through {method}({name}), but no call of {method} passes one");
        }

        return total;
    }

    /// <summary>The codes one string literal stands for: itself, or every combination of its enum holes.</summary>
    private int Expand(Source file, int position, string literal, string where)
    {
        var quote = literal.IndexOf('"', StringComparison.Ordinal);
        var interpolated = literal[..quote].Contains('$', StringComparison.Ordinal);
        if (literal.AsSpan(quote).StartsWith("\"\"\""))
        {
            Problems.Add($"{where}: a raw string as an action");
            return 0;
        }

        var codes = new List<string> { string.Empty };
        var body = literal[(quote + 1)..^1];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (interpolated && body[i] == '{' && !(i + 1 < body.Length && body[i + 1] == '{'))
            {
                var end = SkipHole(body, i + 1);
                var hole = body[(i + 1)..(end - 1)].Trim();
                var flushed = text.ToString();
                codes = [.. codes.Select(c => c + flushed)];
                text.Clear();
                var members = Regex.IsMatch(hole, @"^\w+$") && Declare(file.Code, position, hole) is { } declaration
                    ? EnumMembers(declaration.Type.TrimEnd('?').Split('.')[^1])
                    : null;
                if (members is null)
                {
                    Problems.Add($"{where}: cannot expand {{{hole}}} in {literal}: only an enum parameter or local can stand in an action");
                    return 0;
                }

                codes = [.. codes.SelectMany(c => members.Select(m => c + m))];
                i = end - 1;
            }
            else
            {
                // {{, }} and an escape each stand for the one character after them.
                i += (interpolated && body[i] is '{' or '}') || body[i] == '\\' ? 1 : 0;
                text.Append(body[Math.Min(i, body.Length - 1)]);
            }
        }

        var last = text.ToString();
        foreach (var code in codes)
        {
            Codes.Add(code + last);
        }

        return codes.Count;
    }

    private List<string>? EnumMembers(string type)
    {
        foreach (var file in _files)
        {
            if (Regex.Match(file.Code, $@"\benum\s+{Regex.Escape(type)}\b[^{{]*\{{(?<body>[^}}]*)\}}") is { Success: true } match)
            {
                return [.. match.Groups["body"].Value.Split(',')
                    .Select(m => Regex.Replace(m, @"\[[^\]]*\]", string.Empty).Trim())
                    .Select(m => Regex.Match(m, @"^\w+").Value)
                    .Where(m => m.Length > 0)];
            }
        }

        return null;
    }

    /// <summary>The nearest declaration of <paramref name="name"/> before <paramref name="position"/>: a parameter, a local or a constant.</summary>
    private static Declaration? Declare(string code, int position, string name)
    {
        Declaration? found = null;
        foreach (Match match in Regex.Matches(code[..position], $@"(?<type>[\w.?<>\[\]]+)\s+{Regex.Escape(name)}\s*(?<end>,|\)|=(?![=>]))"))
        {
            if (!Keywords.Contains(match.Groups["type"].Value))
            {
                found = new Declaration(match.Groups["type"].Value, match.Index, match.Index + match.Length, match.Groups["end"].Value[0]);
            }
        }

        return found;
    }

    private static (string Text, int Start) Initializer(string code, int start)
    {
        var depth = 0;
        for (var k = start; k < code.Length; k++)
        {
            var end = SkipLiteral(code, k);
            if (end >= 0)
            {
                k = end - 1;
                continue;
            }

            switch (code[k])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth == 0:
                case ';' or ',' when depth == 0:
                    return (code[start..k], start);
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return (code[start..], start);
    }

    private static int OpenParenthesis(string code, int index)
    {
        var depth = 0;
        for (var k = index - 1; k >= 0; k--)
        {
            if (code[k] == ')')
            {
                depth++;
            }
            else if (code[k] == '(' && depth-- == 0)
            {
                return k;
            }
        }

        return 0;
    }

    private static string? MethodName(string code, int open)
    {
        var k = open - 1;
        while (k >= 0 && char.IsWhiteSpace(code[k]))
        {
            k--;
        }

        if (k >= 0 && code[k] == '>')
        {
            for (var depth = 0; k >= 0; k--)
            {
                depth += code[k] switch { '>' => 1, '<' => -1, _ => 0 };
                if (depth == 0)
                {
                    k--;
                    break;
                }
            }
        }

        var end = k + 1;
        while (k >= 0 && (char.IsLetterOrDigit(code[k]) || code[k] == '_'))
        {
            k--;
        }

        return end > k + 1 ? code[(k + 1)..end] : null;
    }

    /// <summary>Whether the name at <paramref name="index"/> is declared (a return type before it) rather than called.</summary>
    private static bool IsDeclaration(string code, int index)
    {
        var k = index - 1;
        while (k >= 0 && char.IsWhiteSpace(code[k]))
        {
            k--;
        }

        if (k < 0 || !(char.IsLetterOrDigit(code[k]) || code[k] is '_' or '>' or ']' or '?'))
        {
            return false;
        }

        var end = k + 1;
        while (k >= 0 && (char.IsLetterOrDigit(code[k]) || code[k] == '_'))
        {
            k--;
        }

        return !Keywords.Contains(code[(k + 1)..end]);
    }

    /// <summary>The top-level, comma-separated items between the parenthesis at <paramref name="open"/> and its match.</summary>
    private static (List<(string Text, int Start)> Items, int Close) Arguments(string code, int open, bool angles)
    {
        var items = new List<(string Text, int Start)>();
        var depth = 0;
        var start = open + 1;
        void Add(int end)
        {
            var text = code[start..end];
            var trimmed = text.TrimStart();
            if (trimmed.Trim().Length > 0)
            {
                items.Add((trimmed.TrimEnd(), start + (text.Length - trimmed.Length)));
            }
        }

        for (var k = open + 1; k < code.Length; k++)
        {
            var end = SkipLiteral(code, k);
            if (end >= 0)
            {
                k = end - 1;
                continue;
            }

            var c = code[k];
            if (c is '(' or '[' or '{' || (angles && c == '<'))
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' || (angles && c == '>'))
            {
                if (depth-- == 0)
                {
                    Add(k);
                    return (items, k);
                }
            }
            else if (c == ',' && depth == 0)
            {
                Add(k);
                start = k + 1;
            }
        }

        return (items, code.Length);
    }

    private static List<(int Start, int End)> Literals(string expression)
    {
        var literals = new List<(int Start, int End)>();
        for (var k = 0; k < expression.Length; k++)
        {
            var end = SkipLiteral(expression, k);
            if (end >= 0)
            {
                if (expression[k] is '"' or '$' or '@')
                {
                    literals.Add((k, end));
                }

                k = end - 1;
            }
        }

        return literals;
    }

    /// <summary>Source with its comments blanked (positions kept), so commented-out code and doc text are not read.</summary>
    private static string WithoutComments(string code)
    {
        var chars = code.ToCharArray();
        for (var k = 0; k < code.Length; k++)
        {
            var end = SkipLiteral(code, k);
            if (end < 0)
            {
                continue;
            }

            if (code[k] == '/')
            {
                for (var i = k; i < end; i++)
                {
                    chars[i] = chars[i] == '\n' ? '\n' : ' ';
                }
            }

            k = end - 1;
        }

        return new string(chars);
    }

    /// <summary>The end of the string, character literal or comment that starts at <paramref name="i"/>; -1 when none does.</summary>
    private static int SkipLiteral(string s, int i)
    {
        if (s[i] == '/' && i + 1 < s.Length && s[i + 1] is '/' or '*')
        {
            var end = s[i + 1] == '/' ? s.IndexOf('\n', i) : s.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return end < 0 ? s.Length : s[i + 1] == '/' ? end : end + 2;
        }

        if (s[i] == '\'')
        {
            var k = i + 1;
            while (k < s.Length && s[k] != '\'')
            {
                k += s[k] == '\\' ? 2 : 1;
            }

            return Math.Min(k + 1, s.Length);
        }

        var j = i;
        var interpolated = false;
        var verbatim = false;
        while (j < s.Length && s[j] is '$' or '@')
        {
            interpolated |= s[j] == '$';
            verbatim |= s[j] == '@';
            j++;
        }

        if (j >= s.Length || s[j] != '"')
        {
            return -1;
        }

        if (s.AsSpan(j).StartsWith("\"\"\""))
        {
            var quotes = 0;
            while (j + quotes < s.Length && s[j + quotes] == '"')
            {
                quotes++;
            }

            var close = s.IndexOf(new string('"', quotes), j + quotes, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + quotes;
        }

        for (var k = j + 1; k < s.Length;)
        {
            var c = s[k];
            if (!verbatim && c == '\\')
            {
                k += 2;
            }
            else if (c == '"' && verbatim && k + 1 < s.Length && s[k + 1] == '"')
            {
                k += 2;
            }
            else if (c == '"')
            {
                return k + 1;
            }
            else if (interpolated && c == '{')
            {
                k = k + 1 < s.Length && s[k + 1] == '{' ? k + 2 : SkipHole(s, k + 1);
            }
            else
            {
                k++;
            }
        }

        return s.Length;
    }

    /// <summary>The index just past the <c>}</c> that closes an interpolation hole starting at <paramref name="k"/>.</summary>
    private static int SkipHole(string s, int k)
    {
        for (var depth = 1; k < s.Length; k++)
        {
            var end = SkipLiteral(s, k);
            if (end >= 0)
            {
                k = end - 1;
            }
            else if (s[k] == '{')
            {
                depth++;
            }
            else if (s[k] == '}' && --depth == 0)
            {
                return k + 1;
            }
        }

        return s.Length;
    }

    private static string Where(Source file, int index) => $"{file.Path}:{file.Code.AsSpan(0, index).Count('\n') + 1}";
}
