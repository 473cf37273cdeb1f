using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure.Crypto;

/// <summary>
/// The key-encryption keys (KEKs): 256-bit keys that live outside the database and protect the keys inside it
/// (Data Protection's cookie keys now, per-client data keys later). Versioned, so keys can be rotated.
/// A KMS can replace the file-based source by implementing this interface.
/// </summary>
public interface IKeyEncryptionKeys
{
    int CurrentVersion { get; }

    /// <summary>The key of <paramref name="version"/>; throws when this installation does not hold it.</summary>
    ReadOnlySpan<byte> Get(int version);
}

/// <summary>
/// KEKs from files <c>keys/kek-v{n}.key</c> in the data directory (created on first start, readable by the
/// owner only), or one key given as base64 in <c>Baken:Keys:Kek</c> (for example from a secret store).
/// </summary>
public sealed class FileKeyEncryptionKeys : IKeyEncryptionKeys
{
    public const int KeySize = 32;
    private const string Prefix = "kek-v";
    private const string Suffix = ".key";

    private readonly Dictionary<int, byte[]> _keys = [];
    private readonly Lock _lock = new();

    public FileKeyEncryptionKeys(IOptions<BakenOptions> options, IConfiguration configuration)
    {
        var configured = configuration["Baken:Keys:Kek"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _keys[1] = Decode(configured, "Baken:Keys:Kek");
        }
        else
        {
            Directory = Path.Combine(options.Value.FullDataDirectory, "keys");
            LoadOrCreate(Directory);
        }

        CurrentVersion = _keys.Keys.Max();
    }

    /// <summary>Where the key files are; null when the key comes from configuration.</summary>
    public string? Directory { get; }

    /// <summary>The version new keys are wrapped with; fixed at start (after a rotation, restart to use the new one).</summary>
    public int CurrentVersion { get; private set; }

    public ReadOnlySpan<byte> Get(int version)
    {
        lock (_lock)
        {
            // A version written by a rotation after this instance started is read from disk on first need,
            // so running instances keep working while keys are rewrapped.
            if (!_keys.ContainsKey(version) && Directory is not null && File.Exists(PathOf(Directory, version)))
            {
                _keys[version] = Decode(File.ReadAllText(PathOf(Directory, version)), Path.GetFileName(PathOf(Directory, version)));
            }

            return _keys.TryGetValue(version, out var key)
                ? key
                : throw new CryptographicException($"Key-encryption key version {version} is not available to this installation.");
        }
    }

    /// <summary>Creates the next key version on disk and makes it current (used by <c>keys rotate</c>).</summary>
    public int CreateNextVersion()
    {
        if (Directory is null)
        {
            throw new InvalidOperationException("Rotation needs key files; the key-encryption key comes from configuration (Baken:Keys:Kek).");
        }

        lock (_lock)
        {
            var next = Math.Max(_keys.Keys.Max(), System.IO.Directory.EnumerateFiles(Directory, Prefix + "*" + Suffix).Count()) + 1;
            _keys[next] = Create(PathOf(Directory, next));
            CurrentVersion = next;
            return next;
        }
    }

    private static string PathOf(string directory, int version) =>
        Path.Combine(directory, $"{Prefix}{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}{Suffix}");

    private void LoadOrCreate(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, Prefix + "*" + Suffix))
        {
            var name = Path.GetFileName(file);
            if (int.TryParse(name[Prefix.Length..^Suffix.Length], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                _keys[version] = Decode(File.ReadAllText(file), name);
            }
        }

        if (_keys.Count == 0)
        {
            _keys[1] = Create(Path.Combine(directory, $"{Prefix}1{Suffix}"));
        }
    }

    private static byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            return key.Length == KeySize
                ? key
                : throw new CryptographicException($"{source} must hold {KeySize} bytes, base64-encoded.");
        }
        catch (FormatException)
        {
            throw new CryptographicException($"{source} is not valid base64.");
        }
    }
}
